import { version } from '../../package.json'

/** The app version from package.json, bundled at build time. */
export function appVersion(): string {
  return version
}

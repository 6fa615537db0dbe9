/**
 * Line icons on a 24-unit grid, drawn with the current text colour. Each is
 * one path so BaseIcon stays a single element.
 */
export const ICON_PATHS = {
  library: 'M4 4h4v16H4z M10 4h4v16h-4z M16.2 5.1l3.8-1 3.6 15.6-3.8 1z',
  workbench: 'M8 8l-4 4 4 4 M16 8l4 4-4 4 M13.5 5l-3 14',
  replay: 'M3.5 12a8.5 8.5 0 1 0 2.5-6 M3.5 3.5V8H8 M10 9v6l5-3z',
  compare: 'M3 20h18 M6 16V9 M10 16V5 M14 16v-4 M18 16V7',
  lessons: 'M12 6.5C10 5 7 4.5 3 5v13c4-.5 7 0 9 1.5 2-1.5 5-2 9-1.5V5c-4-.5-7 0-9 1.5z M12 6.5V19',
  settings:
    'M4 7h9 M17 7h3 M4 17h3 M11 17h9 M13 7a2 2 0 1 0 4 0a2 2 0 1 0-4 0 M7 17a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
  warning: 'M12 3.5l9.5 16.5h-19z M12 10v4.5 M12 17.2v.1',
  close: 'M6 6l12 12 M18 6L6 18'
} as const

export type IconName = keyof typeof ICON_PATHS

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
  close: 'M6 6l12 12 M18 6L6 18',
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M7 5h3.5v14H7z M13.5 5H17v14h-3.5z',
  stop: 'M6 6h12v12H6z',
  stepBack: 'M18 5v14l-9-7z M6 5v14',
  stepForward: 'M6 5v14l9-7z M18 5v14',
  toStart: 'M19 5v14l-7-7z M12 5v14l-7-7z M4 5v14',
  toEnd: 'M5 5v14l7-7z M12 5v14l7-7z M20 5v14',
  plus: 'M12 5v14 M5 12h14',
  minus: 'M5 12h14',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13 M10 11v6 M14 11v6',
  copy: 'M8 8h12v12H8z M4 16V4h12',
  arrowUp: 'M12 19V5 M6 11l6-6 6 6',
  arrowDown: 'M12 5v14 M6 13l6 6 6-6',
  chevronDown: 'M6 9l6 6 6-6',
  chevronRight: 'M9 6l6 6-6 6',
  upload: 'M12 16V4 M7 9l5-5 5 5 M4 16v4h16v-4',
  download: 'M12 4v12 M7 11l5 5 5-5 M4 16v4h16v-4',
  file: 'M6 3h8l4 4v14H6z M14 3v4h4',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13 M15.5 15.5L20 20',
  help: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 1-1 1.7v.5 M12 17v.1',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  error: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 7.5v6 M12 16.5v.1',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 11v6 M12 7.5v.1',
  wand: 'M4 20L16 8 M14 6l4 4 M17 3v2 M21 7h-2 M19.5 4.5l-1.5 1.5',
  folderOpen: 'M3 7V5h6l2 2h9v3 M3 19l3-9h16l-3 9z M3 7v12',
  save: 'M5 4h11l3 3v13H5z M8 4v5h7V4 M8 20v-6h8v6',
  format: 'M4 6h16 M4 10h10 M4 14h16 M4 18h10',
  import: 'M12 3v12 M7 10l5 5 5-5 M5 21h14'
} as const

export type IconName = keyof typeof ICON_PATHS

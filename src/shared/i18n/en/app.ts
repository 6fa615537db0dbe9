export default {
  brand: {
    name: 'AllocLab',
    tagline: 'Memory allocation lab'
  },
  common: {
    close: 'Close',
    cancel: 'Cancel',
    apply: 'Apply',
    loading: 'Loading…'
  },
  shell: {
    skipToContent: 'Skip to content',
    navigationLabel: 'Sections',
    documentTitle: '{view} · AllocLab'
  },
  nav: {
    library: 'Library',
    workbench: 'Workbench',
    replay: 'Replay',
    compare: 'Compare',
    lessons: 'Lessons',
    settings: 'Settings'
  },
  library: {
    title: 'Library',
    summary: 'Experiments you save and experiment files you import.',
    emptyTitle: 'No experiments yet',
    emptyBody:
      'Saved experiments will be listed here with their scenarios, runs and notes. Saving arrives together with running scenarios in the Workbench.'
  },
  workbench: {
    title: 'Workbench',
    summary: 'Write a scenario, choose allocators and run it.'
  },
  replay: {
    title: 'Replay',
    summary: 'Step through a run one request at a time.'
  },
  compare: {
    title: 'Compare',
    summary: 'Put runs side by side.'
  },
  lessons: {
    title: 'Lessons',
    summary: 'Guided experiments for the classroom.'
  },
  settings: {
    title: 'Settings',
    summary: 'Language, appearance and details about this copy of AllocLab.',
    preferencesTitle: 'Preferences',
    languageLabel: 'Language',
    languageHint: 'Applies at once and is remembered next time.',
    languageNames: {
      en: 'English',
      zhCN: '简体中文'
    },
    themeLabel: 'Theme',
    themeHint: 'Match the system follows the light or dark setting of this computer.',
    themes: {
      light: 'Light',
      dark: 'Dark',
      system: 'Match the system'
    },
    aboutTitle: 'About AllocLab',
    aboutLoading: 'Loading details…',
    aboutUnavailable: 'Details about this copy are unavailable right now.',
    info: {
      appVersion: 'Version',
      host: 'Running in',
      engine: 'Engine',
      engineValue: '{engine} (frame pool layout {layout})',
      apiVersion: 'Interface version',
      databasePath: 'Database',
      platform: 'Platform',
      nodeVersion: 'Node.js'
    },
    hosts: {
      electron: 'Desktop app',
      browser: 'Browser, served from this computer',
      cli: 'Command line',
      test: 'Test host'
    }
  },
  databaseNotice: {
    titles: {
      damaged: 'Your database was damaged',
      newer: 'Your database comes from a newer version of AllocLab',
      readOnlyFile: 'Your database file cannot be written',
      readOnlyFolder: 'The folder of your database cannot be written',
      pathIsFolder: 'There is a folder where your database should be',
      pathNotAFile: 'Something other than a file is where your database should be',
      locked: 'Another program is holding your database',
      unreadable: 'Your database cannot be read',
      cannotCreate: 'AllocLab cannot create its database'
    },
    problems: {
      damaged: 'The file {path} is not a database AllocLab can read.',
      newer:
        'The file {path} was written by a newer version of AllocLab, which this version cannot read safely.',
      readOnlyFile: 'The file {path} is read-only, so AllocLab cannot save anything into it.',
      readOnlyFolder:
        'The folder {folder} is read-only. To save changes, SQLite must create small journal files next to {path}, and that folder does not allow it.',
      pathIsFolder:
        '{path} is a folder, not a file. AllocLab keeps its database in a single file at that place.',
      pathNotAFile:
        '{path} is not an ordinary file (it may be a device, a pipe or a socket), so AllocLab cannot keep its database there.',
      locked:
        'Another program (perhaps a second AllocLab, or a database tool) has locked {path} and kept it locked longer than AllocLab waits.',
      unreadable:
        'AllocLab may not read {path}, or reading it failed. That does not mean the file is damaged.',
      cannotCreate: 'AllocLab could not create its database file {path}.'
    },
    moved: {
      damaged:
        'The old file was not deleted: it was moved to {movedTo}, where you can inspect it or try to recover it.',
      newer: 'The old file is untouched at {movedTo}; open it with the newer version of AllocLab.'
    },
    moveFailed:
      'AllocLab tried to move it aside, to keep it safe and start a new database, but could not.',
    failures: {
      permissionDenied: 'The folder {folder} does not allow changes (permission denied).',
      readOnlyFilesystem: 'The folder {folder} is on a disk that is mounted read-only.',
      notAFolder: 'Part of the path to {folder} is a file, not a folder.',
      other: 'The system refused the change; the technical details say how.'
    },
    untouched: 'AllocLab did not change, move or delete anything there.',
    fallbacks: {
      fresh:
        'AllocLab started a new, empty database at {path}; everything works and is saved as usual.',
      readOnly:
        'You can still run and replay experiments, and your saved settings are in use, but changes to settings and experiments cannot be saved this session.',
      inMemory:
        'For this session AllocLab uses a temporary database: you can run and replay experiments and change settings, but nothing is kept after you close AllocLab.'
    },
    fixes: {
      damaged:
        'To keep your work from now on, move {path} away yourself (or make the folder {folder} writable so AllocLab can), then restart AllocLab.',
      newer:
        'Use the newer version of AllocLab with this database. To start over with this version instead, move {path} away yourself and restart AllocLab.',
      readOnlyFile:
        'To save again, make {path} writable (for example with “chmod u+w”), then restart AllocLab.',
      readOnlyFolder:
        'To save again, make the folder {folder} writable, or give AllocLab a database somewhere else (“alloclab web --db PATH” or the ALLOCLAB_DB environment variable), then restart it.',
      pathIsFolder:
        'Move or rename that folder, or give AllocLab a database somewhere else (“alloclab web --db PATH” or the ALLOCLAB_DB environment variable), then restart it.',
      pathNotAFile:
        'Remove it, or give AllocLab a database somewhere else (“alloclab web --db PATH” or the ALLOCLAB_DB environment variable), then restart it.',
      locked:
        'Close the other program, or wait for it to finish, then restart AllocLab to get your settings and experiments back.',
      unreadable: 'Check that you may read {path}, then restart AllocLab.',
      cannotCreate:
        'Make the folder {folder} writable, or give AllocLab a database somewhere else (“alloclab web --db PATH” or the ALLOCLAB_DB environment variable), then restart it.'
    },
    detailsLine: 'Technical details: {detail}',
    details: 'Technical details',
    dismiss: 'Dismiss'
  },
  databaseErrors: {
    readOnly:
      'Nothing can be saved this session: the database is open read-only. AllocLab said why when it started.',
    locked:
      'Nothing could be saved: another program is holding the database. Try again in a moment.',
    full: 'Nothing could be saved: the disk that holds the database is full.'
  },
  notices: {
    regionLabel: 'Notifications',
    dismiss: 'Dismiss',
    loadSettingsFailed: 'Could not load your settings',
    saveSettingsFailed: 'Could not save your settings',
    loadInfoFailed: 'Could not read the details of this copy',
    unexpected: 'Something went wrong',
    reasons: {
      missingToken:
        'This page was opened without its access key. Open the full address that “alloclab web” printed, including the part after “?token=”.',
      refused:
        'The AllocLab server refused the request (HTTP {status}). Open the address it printed again.',
      unreachable: 'The AllocLab server cannot be reached. Check that it is still running.',
      badResponse:
        'The AllocLab server sent an answer this page does not understand (HTTP {status}).'
    }
  }
}

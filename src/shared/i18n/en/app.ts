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
    summary: 'Experiments you save, the built-in lessons and files you import.',
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
    summary: 'Step through a run one request at a time.',
    emptyTitle: 'Nothing to replay yet',
    emptyBody:
      'Replay lays a finished run out on a timeline: play, pause, step and scrub while the memory map, free lists and metrics follow along. It opens up once runs can be recorded.'
  },
  compare: {
    title: 'Compare',
    summary: 'Put runs side by side.',
    emptyTitle: 'No runs to compare',
    emptyBody:
      'Compare lines up runs of the same scenario in one table and shared charts, so fragmentation, time and metadata overhead can be read at a glance. It needs at least two recorded runs.'
  },
  lessons: {
    title: 'Lessons',
    summary: 'Guided experiments for the classroom.',
    emptyTitle: 'Lessons are being written',
    emptyBody:
      'Each lesson pairs a short explanation with a ready-made scenario, from first-fit and best-fit to the buddy allocator and slab caches. Lessons appear here as they are finished.'
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
    damagedTitle: 'Your database was damaged, so AllocLab started a new one',
    damagedBody:
      'The old file was not deleted. It was moved to {path}, where you can inspect it or try to recover it.',
    newerTitle: 'Your database comes from a newer version of AllocLab',
    newerBody:
      'This version cannot read it safely, so it started a new database. The old file is untouched at {path}; open it with the newer version of AllocLab.',
    details: 'Technical details',
    dismiss: 'Dismiss'
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

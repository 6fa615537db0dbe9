/** The classroom: the Lessons view, a lesson's notes beside Replay, exercises and presentation mode. */
export default {
  lessons: {
    listLabel: 'Built-in lessons',
    allocators: 'Allocators',
    open: 'Open the lesson',
    opening: 'Opening…',
    copy: 'Copy to the Workbench',
    copied: 'The lesson’s scenario and allocators are now in the Workbench, ready to change.',
    openFailed: 'The lesson could not be started: {reason}'
  },
  note: {
    heading: 'Lesson',
    before: 'Before the first request',
    atStep: 'After step {step}',
    pane: 'Pane: {pane}',
    allPanes: 'All panes',
    previous: 'Previous explanation',
    next: 'Next explanation',
    noneYet: 'The first explanation comes at step {step}.',
    position: 'Explanation {index} of {count}'
  },
  exercise: {
    start: 'Predict the next step',
    stop: 'End the exercise',
    heading: 'Predict the next step',
    pane: 'Allocator',
    nextRequest: 'Step {step}: {request}',
    finished: 'The run has no more steps. Final score: {right} of {asked}.',
    question: 'Question',
    kinds: {
      result: 'What does the allocator return?',
      examined: 'How many entries does it examine?',
      freeAreas: 'How many free blocks of each order are there afterwards?',
      freeList: 'What does the free list look like afterwards?'
    },
    succeeds: 'It succeeds',
    fails: 'It fails',
    address: 'Address',
    frame: 'First frame',
    placeFrame: 'frame {value}',
    placeAddress: 'address {value}',
    examinedField: 'Entries examined',
    freeAreasField: 'Free blocks per order, from order 0 up',
    freeAreasHint: 'Numbers separated by spaces, e.g. 0 0 1 1',
    freeListField: 'Free blocks in list order, as address:size',
    freeListHint: 'e.g. 1000:10 1030:70; leave empty for an empty list',
    check: 'Check and reveal',
    next: 'Next question',
    right: 'Right.',
    wrong: 'Not quite.',
    answer: 'The answer: {answer}.',
    failed: 'it fails ({status})',
    succeededAt: 'it succeeds at {place}',
    succeeded: 'it succeeds',
    emptyList: 'an empty free list',
    score: 'Score: {right} of {asked}',
    scoreNone: 'No answers yet',
    unreadable: 'That answer cannot be read: {hint}',
    loadFailed: 'The next step could not be read: {reason}'
  },
  presentation: {
    toggle: 'Presentation mode',
    on: 'Presentation mode is on: large type, high contrast, thick map cells; Page Down and Page Up step through Replay.',
    off: 'Presentation mode is off.',
    shortcut: 'F9 turns it on and off anywhere.'
  }
}

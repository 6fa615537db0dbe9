/** Engine worker entry that throws before serving anything, for crash-handling tests. */
export {}

throw new Error('this worker fails while starting')

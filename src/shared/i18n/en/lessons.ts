/**
 * The built-in lessons' texts (src/shared/lessons/). Each anchor says one
 * thing about one step and names the numbers the student sees; the numbers
 * are checked against the engine by the facts beside each anchor, so change
 * a number here only together with its fact.
 */
export default {
  level: {
    basic: 'Basic',
    intermediate: 'Intermediate',
    advanced: 'Advanced'
  },
  topic: {
    tradeOff: 'Time and space',
    heapFits: 'Heap fits',
    fragmentation: 'Fragmentation',
    freeList: 'Free lists',
    coalescing: 'Coalescing',
    buddy: 'Buddy system',
    slab: 'Slab cache'
  },
  timeVersusSpace: {
    title: 'Time or space: the trade-off every allocator makes',
    summary:
      'The same 300 requests on a first-fit heap, a buddy allocator and slab caches. Compare how many entries each one examines with how many bytes it spends on bookkeeping and loses to rounding.',
    config: {
      heap: 'First fit, boundary tags',
      buddy: 'Buddy, 4 KiB frames',
      slab: 'Slab over buddy'
    },
    anchor: {
      setup:
        'Each pane manages 512 KiB and gets the same 300 requests for blocks of 16 to 512 bytes, generated from seed 1. Only the allocator differs.',
      goals:
        'An allocator wants two things that pull against each other: little time spent managing memory, and little memory spent on managing it. Here time shows as entries examined, and space as metadata bytes and bytes lost inside blocks.',
      longSearch:
        'To place this one block, first fit walked 18 entries of its free list. Every hole the workload leaves behind is one more entry to look at.',
      searchTotals:
        'Over the whole run first fit examined 2044 entries, the buddy 227 and slab 213. The buddy and slab go straight to a list that can serve the request; first fit has to search for a block.',
      heapSpace:
        'First fit pays in time, not in space: its boundary tags cost 8 bytes per block, 472 bytes at the most.',
      buddySpace:
        'The buddy is fast, but it rounds every block up to a whole 4 KiB frame. At its worst, 154,920 bytes sat unused inside allocated blocks: internal fragmentation.',
      slabSpace:
        'Slab searches least and loses little to rounding (3623 bytes at worst, up to its size classes), but it keeps the most bookkeeping: records for every frame, its caches and its slab descriptors, 5952 bytes.',
      verdict:
        'No pane wins on both counts. Saving time costs memory and saving memory costs time; the workload decides which matters more. That is the trade-off every allocator makes.'
    }
  },
  firstFitBestFit: {
    title: 'First fit, best fit and the holes they leave',
    summary:
      'Two fits on the same 100-byte heap. Each fails once, on a different request, although enough memory is free: external fragmentation.',
    config: {
      firstFit: 'First fit',
      bestFit: 'Best fit'
    },
    anchor: {
      setup:
        'A heap of 100 bytes starting at address 1000, with no headers and no alignment, so every number can be checked by hand. Both panes get the same requests; only the rule for choosing a free block differs.',
      full: 'Blocks a to f fill the heap exactly: f takes the last 18 bytes, from 1082, and nothing is left free.',
      holes:
        'Freeing b and d leaves two holes: 30 bytes at 1010 and 22 bytes at 1050. 52 bytes are free, but the largest hole holds only 30, so external fragmentation is 42 %.',
      firstFitTakesFirst:
        'First fit takes the first hole that is big enough. g needs 20 bytes and gets the 30-byte hole at 1010, which leaves 10 bytes free at 1030.',
      bestFitTakesSmallest:
        'Best fit looks at every hole (2 entries) and takes the smallest that fits: the 22-byte hole at 1050. What is left is a sliver of 2 bytes at 1070, too small for almost anything.',
      firstFitFails:
        'h needs 30 bytes. 32 bytes are free, but in holes of 10 and 22, so the request fails. The heap is not full; its free memory is fragmented.',
      bestFitFits: 'Best fit kept the 30-byte hole whole, so h fits exactly at 1010.',
      firstFitMerges:
        'Freeing c joins it to the free blocks on both sides (2 merges): one hole of 42 bytes from 1030.',
      bestFitScattered:
        'Here both of c’s neighbours are in use, so nothing merges. 22 bytes are free, in holes of 10, 10 and 2.',
      bestFitFails:
        'Now best fit fails: i needs 12 bytes and 22 are free, but the largest hole holds 10.',
      firstFitServes: 'First fit puts i at the start of its 42-byte hole, at 1030.',
      verdict:
        'Each fit failed once, on a different request. Neither rule is better for every workload: which one fragments less depends on the sizes and the order of the requests.'
    }
  },
  nextFitWorstFit: {
    title: 'Next fit and worst fit',
    summary:
      'Next fit resumes its search where it last allocated; worst fit always cuts the largest free block. First fit runs beside them as the yardstick.',
    config: {
      firstFit: 'First fit (yardstick)',
      nextFit: 'Next fit',
      worstFit: 'Worst fit'
    },
    anchor: {
      setup:
        'The 100-byte heap at 1000 again, with no headers and no alignment, and three fits side by side.',
      holes:
        'Once b and d are freed, three blocks are free: 5 bytes at 1010, 30 at 1025 and the 35 bytes at the end, from 1065.',
      rover:
        'Next fit remembers where its last allocation was made: the rover. e was cut from the free space at the end, so the rover points at 1065.',
      firstFitF:
        'First fit starts at the head of the list: 5 bytes are too few, 30 are enough. f goes to 1025, after 2 entries.',
      nextFitF:
        'Next fit starts at its rover, and the first block it looks at already fits: f goes to 1065 after 1 entry. The rover moves on to what is left, at 1075.',
      worstFitF:
        'Worst fit looks at all 3 entries and takes the largest block, the 35 bytes at 1065.',
      nextFitG:
        'g goes right after f, to 1075, again after 1 entry. Next fit searches little, but it keeps cutting into fresh memory and leaves the holes near the start alone.',
      worstFitG:
        'Now the largest block is the 30 bytes at 1025, so worst fit cuts g from it, although the 25 bytes at 1075 would do. The idea is to leave remainders big enough to be useful.',
      worstFitFails:
        'h needs 30 bytes. 50 bytes are free, but worst fit has cut every large block down and the largest left holds 25: the request fails.',
      nextFitWraps:
        'From its rover at 1085 next fit finds nothing big enough before the end of the list. It wraps around to the head and finds the 30 bytes at 1025 on its 3rd look.',
      firstFitH: 'First fit finds room for h at 1065, the 3rd entry on its list.',
      verdict:
        'Next fit saves searching while free space lies ahead of its rover, but it scatters blocks over the whole heap. Worst fit tried to keep its remainders large, and in doing so used up the one large block h needed.'
    }
  },
  freeListOrder: {
    title: 'Free-list order and coalescing with boundary tags',
    summary:
      'Where a freed block goes on the free list decides which block is reused next. Boundary tags let a freed block find its free neighbours at once and merge with them.',
    config: {
      lifo: 'LIFO, coalescing',
      address: 'Address order, coalescing',
      noCoalescing: 'LIFO, no coalescing'
    },
    anchor: {
      setup:
        'A 160-byte heap with real boundary tags. Every block begins with a 4-byte header and ends with a 4-byte footer; both hold the block’s size and whether it is in use.',
      tags: 'So a request for 24 bytes takes a 32-byte block: 24 bytes of data and 8 bytes of tags. a gets the block at 0.',
      full: 'Five blocks of 32 bytes fill the heap. Their tags take 40 bytes: metadata, memory spent on managing memory.',
      lifoList:
        'In LIFO order a freed block goes to the head of the list, without looking at the list at all. d was freed last, so the list now reads 96, then 32.',
      addressList:
        'Address order keeps the list sorted, so b’s block at 32 stays first. Finding d’s place cost a look at 1 entry.',
      lifoReuse:
        'f takes the head of the list: d’s old block at 96, the one freed most recently, whose bytes are likely still in the CPU cache.',
      addressReuse: 'Address order hands out the lowest free block instead: b’s old block at 32.',
      boundaryTags:
        'Freeing c shows the tags at work. c’s header gives its size, so the next block starts at 64 + 32 = 96, and its header says free. The word just below c is the footer of the block before it: free, 32 bytes, so that block starts at 32. c merges with both (2 merges) without searching the list.',
      addressMerges:
        'The same two merges happen in address order: one free block of 96 bytes at 32.',
      fewerTags: 'Three blocks now instead of five, so the tags take 24 bytes.',
      noMerge:
        'Without coalescing c just goes to the head of the list. 96 bytes are free, but as 3 separate blocks of 32 that sit side by side.',
      bigRequest:
        'g needs 88 bytes, a 96-byte block with its tags. Where the blocks were merged it fits exactly, at 32. Without coalescing it fails: 96 bytes are free, yet no free block is larger than 32.'
    }
  },
  buddyAllocator: {
    title: 'The buddy allocator: splitting, merging and rounding up',
    summary:
      'A 256-frame request splits a 1024-frame pool in halves, freed buddies merge again, a request fails although enough frames are free, and a 9 KiB block wastes 7 KiB.',
    config: {
      buddy: 'Buddy, 1024 frames of 4 KiB'
    },
    anchor: {
      pool: 'The pool has 1024 page frames of 4 KiB, 4 MiB in all. The buddy keeps one free list per order; a block of order k is 2^k frames. At the start the whole pool is a single free block of order 10.',
      splitDown:
        'a asks for 256 frames, order 8. The lists for orders 8 and 9 are empty, so the search goes up to order 10 (3 lists examined). The 1024-frame block is split into two 512s, and one 512 into two 256s; a keeps the lowest, frames 0 to 255.',
      leftOver:
        'What the splits left free: one block of 512 frames (order 9) from frame 512, and one of 256 frames (order 8) from frame 256. The two halves of every split are buddies of each other.',
      noSplit:
        'b also asks for 256 frames. This time the order-8 list has a block, so b gets frame 256 at once: 1 list examined, no split.',
      rounding:
        'c asks for 9 KiB. That is 3 frames, but the buddy only hands out blocks of 2^k frames, so c gets 4 frames, 16 KiB. The 7 KiB nobody asked for, 7168 bytes, are internal fragmentation.',
      splitChain:
        'To make a 4-frame block the allocator splits the free 512-frame block at 512 seven times: 512, 256, 128, 64, 32, 16, 8, 4. One free block is left over at each order from 2 to 8.',
      buddyBusy:
        'a is freed. Its buddy is the block at frame 0 XOR 256 = 256, and that is b, still in use. So a cannot merge and waits on the order-8 list, beside the free block at frame 768.',
      fails:
        'd asks for 512 frames. 764 frames are free, but the largest free block has 256: no list of order 9 or 10 has a block, and the request fails. The two free 256-frame blocks at 0 and 768 are not buddies, so they can never merge.',
      merge:
        'b is freed. Its buddy a, at frame 0, is free and of the same order, so the two merge into a 512-frame block at 0 (1 merge). That block’s buddy at frame 512 is split up, so merging stops there.',
      retry:
        'Now a 512-frame request succeeds at once: e takes the block at frame 0, with 1 list examined.',
      mergeChain:
        'Freeing c starts a chain: it merges with its buddy at 516, then 520, 528, 544, 576, 640 and 768. After 7 merges the upper half is one 512-frame block again, and the internal fragmentation is gone.',
      whole:
        'Freeing e merges the two halves: the pool is one free block of 1024 frames again, exactly as it started.'
    }
  },
  slabCache: {
    title: 'The slab cache: objects that stay constructed',
    summary:
      'A cache of 600-byte inode objects takes slabs from the buddy, moves them between its full, partial and empty lists, hands out objects that are already constructed and gives empty slabs back when it shrinks.',
    config: {
      slab: 'Slab over buddy, 1024 frames'
    },
    anchor: {
      start:
        'The slab allocator sits on a buddy allocator with 1024 frames of 4 KiB. No slab exists yet: the buddy holds the whole pool as one free block.',
      cacheMade:
        '“cache inode 600 ctor 40” adds a kmem_cache for 600-byte objects to the cache chain, next to the kmalloc caches, with a constructor that costs 40 units of work. It owns no memory yet: its full, partial and empty slab lists are all empty.',
      grow: 'The first object needs a slab. The cache takes one 4 KiB page from the buddy (which splits its big block 10 times to make it) and runs the constructor on all 6 objects of the slab at once. The slab goes on the partial list.',
      layout:
        'Why 6? The page starts with 72 bytes of slab management (a 48-byte descriptor and 4 bytes per object), and after them 6 × 600 = 3600 bytes of objects fit. i1 gets the first object, at 72.',
      alreadyBuilt:
        'i2 takes the next object, at 672. It was constructed when the slab was made, so no constructor runs now.',
      keptConstructed:
        'Freeing i1 does not undo its construction. The object goes back to its slab as it is, ready to be handed out again.',
      reuse:
        'i3 gets i1’s old object, at the same address, 72. It kept its constructed state, so the constructor is skipped: 1 call saved.',
      full: 'With i7 all 6 objects are in use, and the slab moves to the full list.',
      secondSlab:
        'i8 finds no partial or empty slab, so the cache grows a second one: another page from the buddy, 6 more constructor calls. The first slab stays full, the new one is partial.',
      colour:
        'i8’s object is at 4232, not at 4096 + 72 = 4168: the second slab starts its objects 64 bytes later. This is slab colouring, which puts objects of different slabs on different cache lines.',
      emptyKept:
        'Freeing i8 leaves the second slab with nothing in use. It moves to the empty list, but the cache keeps its page: the buddy still has 1022 of its 1024 frames free.',
      allEmpty:
        'After the last free both slabs are empty, and all 12 of their objects are still constructed. So far the constructor ran 12 times and was skipped once.',
      shrink:
        'shrink gives the empty slabs back: 2 pages return to the buddy, which merges them with their buddies all the way up to order 10 (10 merges). The pool is one free block again.',
      destroy:
        'destroy takes the cache off the chain. It is allowed because no object is in use; with even one still out, the request would be refused.'
    }
  },
  slabVersusHeap: {
    title: 'Slab over buddy against a heap',
    summary:
      'Three rounds of six constructed objects on slab caches, on the buddy alone and on a first-fit heap: constructor calls saved against bytes of bookkeeping.',
    config: {
      slab: 'Slab over buddy',
      buddy: 'Buddy alone',
      heap: 'First-fit heap'
    },
    anchor: {
      setup:
        'Three panes of 1 MiB each. The scenario makes a cache of 600-byte inode objects whose constructor costs 40 units of work, then takes 6 objects and frees them, three times over.',
      slabGrows:
        'The first object makes the slab cache grow a slab: one page, and the constructor runs for all 6 objects in it at once.',
      buddyPage:
        'The buddy alone keeps no objects. The 600-byte object gets a whole 4 KiB page and a constructor call of its own; 3496 bytes of the page go unused.',
      heapBlock:
        'The heap gives the object a 608-byte block, 600 bytes plus 8 bytes of boundary tags, and calls the constructor once.',
      space:
        'With all 6 objects live, count the bookkeeping: 56 bytes of tags on the heap, 3696 bytes of frame records for the buddy, 6968 for slab (frame records, the caches and one slab descriptor). The buddy also loses 20,976 bytes to rounding up to pages.',
      slabReuses:
        'Second round. o1 gets the object freed last, at 3072, still constructed: no constructor call, 1 saved.',
      heapRebuilds:
        'The heap merged the freed blocks back into one, and o1 lands at 0 again. But the memory came back raw, so the constructor runs again.',
      constructorTotals:
        'After three rounds slab has called the constructor 6 times and skipped it 12 times; the buddy and the heap called it 18 times each. In work units: 240 for slab, 720 for the heap.',
      shrink:
        'shrink gives slab’s one page back, and the buddy under it is a single free block of 1 MiB again.',
      verdict:
        'Slab saved two thirds of the constructor work, and paid for it with the most bookkeeping. Here too, saving time costs space.'
    }
  }
}

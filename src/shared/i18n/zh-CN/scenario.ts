import type en from '../en/scenario'

export default {
  diag: {
    unknownKeyword:
      '“{word}”不是关键字。每一行都要以关键字开头，例如 alloc、free、pages 或 cache。',
    unknownKeywordSuggest: '“{word}”不是关键字。你是不是想写“{suggestion}”？',
    missingArgument: '“{keyword}”后面缺少内容。格式是“{synopsis}”，例如“{example}”。',
    missingHandle:
      '“{keyword}”在数字前面需要一个句柄名，例如“{example}”。句柄就是之后释放这块内存时要用的名字。',
    extraArgument: '“{keyword}”不接受“{word}”及其后的内容。格式是“{synopsis}”，例如“{example}”。',
    tooManyWords: '这一行的词太多了，一行最多 {max} 个词。',
    badName:
      '“{word}”不能用作名字。名字以字母或“_”开头，后面可以是字母、数字、“_”、“-”或“.”，例如“buf1”。',
    notANumber: '{what}“{word}”不是数字。请写成数字，例如 4096 或 16KiB。',
    unitNotAllowed: '{what}是一个纯数字，不带单位：请去掉“{word}”里的字母。',
    badUnit:
      '“{word}”的单位 AllocLab 不认识。请使用 {units} 之一；K、M、G 都按二进制计算（1K = 1024 字节）。',
    fractional:
      '{what}“{word}”不是整数个字节。请取整，或换一个更小的单位（1.5K 可以，它等于 1536 字节）。',
    tooLarge: '{what} {word} 太大了，最大只能是 {max}。',
    tooSmall: '{what} {word} 太小了，最小要是 {min}。',
    notPowerOfTwo:
      '{what}必须是 2 的幂（1、2、4、8……），{word} 不是。离它最近的是 {below} 和 {above}。',
    unknownOption: '“{word}”不是 cache 的选项。可用的选项有 {options}。',
    unknownOptionSuggest:
      '“{word}”不是 cache 的选项。你是不是想写“{suggestion}”？可用的选项有 {options}。',
    duplicateOption: '选项“{option}”在这一行出现了两次，只保留一个即可。',
    missingOptionValue: '选项“{option}”后面需要一个数字，例如“{option} 8”。',
    directiveAfterRequest:
      '“{keyword}”描述的是整个场景，必须写在第一个请求（第 {line} 行）之前。请把它移到文件开头。',
    duplicateDirective:
      '“{keyword}”已经在第 {line} 行设置过了。一个场景只能设置一次，请删掉其中一行。',
    exceedsMaxOrder:
      '阶 {order} 超过了最大阶 {maxOrder}，这个请求会失败。如果需要更大的块，请在开头设置“max-order”。',
    exceedsArena:
      '这里申请 {size}，而整个堆区只有 {arena}，请求一定会失败。请少申请一些，或者把堆区设大一些。',
    sizeZero:
      '“{keyword}”申请了 0 字节。不同的分配器对此处理不同；除非你正想观察这种情况，否则请至少申请 1 字节。',
    handleLive:
      '句柄“{handle}”还占着第 {line} 行分配的内存。请先释放它（“{release} {handle}”），或者换一个新名字。',
    unknownHandle:
      '没有名为“{handle}”的句柄。句柄要先获得内存（alloc、pages、object、kmalloc），才能释放或调整大小。',
    unknownHandleSuggest: '没有名为“{handle}”的句柄。你是不是想写“{suggestion}”？',
    handleFreed:
      '句柄“{handle}”已经在第 {line} 行释放过了，现在不占任何内存。请删掉这一行，或者先让它重新获得内存。',
    mismatchedFree:
      '“{handle}”是在第 {line} 行用“{acquire}”得到的内存，应该用“{release} {handle}”释放，而不是“{used}”。',
    cannotRealloc:
      '“{handle}”是在第 {line} 行用“{acquire}”得到的内存；只有“alloc”得到的块才能用 realloc 调整大小。',
    cacheExists: '名为“{cache}”的缓存已经存在（第 {line} 行）。请先销毁它，或者换一个名字。',
    unknownCache: '没有名为“{cache}”的缓存。请先用类似“cache {cache} 64”的一行创建它。',
    unknownCacheSuggest: '没有名为“{cache}”的缓存。你是不是想写“{suggestion}”？',
    cacheDestroyed: '缓存“{cache}”已经在第 {line} 行销毁了。使用前请重新创建。',
    cacheBusy:
      '缓存“{cache}”还有 {count} 个对象在使用中，例如“{handle}”。请先用 free-object 释放它们，再销毁缓存。',
    traceBadHeader:
      'malloc-lab 跟踪文件以 2 个头部数字（编号数、操作数）或 4 个头部数字（堆大小、编号数、操作数、权重）开头，每行一个；这里找到 {found} 个。',
    traceUnknownOp:
      '“{word}”不是跟踪文件里的操作。每行应为“a 编号 字节数”、“f 编号”或“r 编号 字节数”。',
    traceWordCount: '操作“{op}”需要 {expected} 个数字，但这一行有 {found} 个。',
    traceBadId: '编号“{word}”不是大于等于 0 的整数。',
    traceBadBytes: '字节数“{word}”不是大于等于 0 的整数。',
    traceIdLive:
      '编号 {id} 还占着一块内存时又被分配了一次；旧的块会保留下来（即内存泄漏），新的块使用一个新句柄。',
    traceReallocUnknown:
      '编号 {id} 当前没有内存块，所以这次 realloc 按 alloc 导入（realloc(NULL, n) 就等于 malloc(n)）。',
    traceFreeUnknown: '编号 {id} 当前没有内存块，所以跳过这次 free（free(NULL) 什么也不做）。',
    traceOpCount:
      '头部写的是 {declared} 个操作，但文件里实际有 {found} 个。实际找到的操作都已导入。',
    traceIdCount: '头部写的是 {declared} 个编号，但文件里用到了 {found} 个。',
    oplistBadItem:
      '“{item}”不是一个操作。用 +N 分配 N 字节，用 -K 释放第 K 次分配的块，例如 +10,-0。',
    oplistUnknownIndex:
      '-{index} 要释放第 {index} 次分配（从 0 开始数），但在它之前只有 {count} 次分配。',
    oplistAlreadyFreed: '第 {index} 次分配的块已经在第 {line} 行释放过了。'
  },
  what: {
    size: '大小',
    objectSize: '对象大小',
    order: '阶',
    arena: '堆区大小',
    base: '基地址',
    frames: '页框数',
    pageSize: '页大小',
    maxOrder: '最大阶',
    grow: '堆增长步长',
    align: '对齐',
    ctor: '构造开销',
    dtor: '析构开销',
    slabPages: '每个 slab 的页数'
  },
  keyword: {
    name: '场景的名字。',
    description: '一行说明；需要多行时就重复写。',
    arena: '堆分配器管理的堆区大小。',
    base: '堆区第一个字节的地址，内存图中按它显示地址。',
    frames: '伙伴分配器和 slab 分配器使用的页框数。',
    pageSize: '一个页框的大小。',
    maxOrder: '伙伴系统的最大阶：最大的块是 2^阶 个页框。',
    grow: '堆可以增长：没有合适的块时，至少再向系统要 SIZE 字节（如同 sbrk），直到上限。',
    alloc: '申请 SIZE 字节，并把这块内存叫作 HANDLE。',
    free: '释放 HANDLE 持有的块。',
    realloc: '把 HANDLE 持有的块调整为 SIZE 字节。',
    pages: '向页分配器申请 2^ORDER 个连续页框。',
    freePages: '释放 HANDLE 持有的页框。',
    cache: '创建一个对象大小为 SIZE 字节的 slab 缓存。',
    object: '从缓存中取出一个对象。',
    freeObject: '把 HANDLE 持有的对象还给它的缓存。',
    shrink: '把缓存中的空 slab 还给页分配器。',
    destroy: '删除一个没有对象在使用的缓存。',
    kmalloc: '向内核的通用分配器申请 SIZE 字节。',
    kfree: '释放 kmalloc 得到的块。'
  },
  generator: {
    kind: {
      random: '按指定的大小分布随机分配和释放',
      ramp: '先分配大量的块，再全部释放',
      plateau: '保持固定数量的块，同时不断替换它们',
      fragmentation: '先分配小块并隔一个释放一个，再申请大块',
      slab: '从少数几个 slab 缓存中取出和归还对象',
      pages: '为伙伴分配器按阶随机申请页'
    },
    option: {
      count: '请求数（ramp 和 fragmentation 为块数；plateau 为替换次数）',
      allocShare: '分配请求所占的比例，0 到 1',
      reallocShare: '调整已有块大小的请求所占的比例，0 到 1',
      maxLive: '同时存活的块最多有多少',
      live: 'plateau 阶段保持的块数',
      sizes: '大小分布：uniform、pow2、exponential 或 bimodal',
      sizeMin: '最小的大小，例如 16 或 1KiB',
      sizeMax: '最大的大小，例如 4096 或 4KiB',
      sizeMean: '超出最小值部分的平均大小（exponential 分布用）',
      largeShare: '大块所占的比例（bimodal 分布用）',
      release: 'ramp 中释放的顺序：fifo、lifo 或 random',
      caches: 'slab 缓存的个数',
      ctor: '每个对象的构造开销',
      orderMin: '申请的最小页阶',
      orderMax: '申请的最大页阶',
      arena: '写入场景的堆区大小',
      base: '写入场景的堆区基地址',
      frames: '写入场景的页框数',
      pageSize: '写入场景的页大小',
      maxOrder: '写入场景的伙伴系统最大阶'
    },
    error: {
      unknownKind: '没有名为“{kind}”的生成器。可用的生成器有 {kinds}。',
      badSeed: '种子必须是整数，不能是“{value}”。',
      notForKind: '选项 --{option} 不适用于 {kind} 生成器。',
      minAboveMax: '--{min}（{low}）不能大于 --{max}（{high}）。',
      sharesAboveOne: '--alloc-share 与 --realloc-share 之和不能超过 1。',
      noPowerOfTwo: '{min} 和 {max} 之间没有 2 的幂，请把大小范围放宽一些。',
      badChoice: '--{option} 必须是 {choices} 之一，不能是“{value}”。',
      badWhole: '--{option} 必须是 {min} 到 {max} 之间的整数，不能是“{value}”。',
      badShare: '--{option} 必须是 {min} 到 {max} 之间的数，不能是“{value}”。'
    }
  },
  cli: {
    needFile: '请指定一个场景文件，例如“alloclab {command} lesson.scn”。',
    cannotWrite: '无法写入“{file}”：{reason}',
    isFolder: '这是一个文件夹，不是文件。',
    noSuchFile: '文件不存在。请检查文件名和当前所在的文件夹。',
    check: {
      summary: '检查场景文件，并报告每个问题所在的行和列',
      strict: '把警告当作错误（只要有警告就以 2 退出）',
      result: '已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告。'
    },
    fmt: {
      summary: '以规范格式输出场景（加 --write 则直接改写文件）',
      write: '直接改写文件，而不是输出到屏幕',
      oneFile: 'fmt 一次只处理一个文件。',
      wrote: '已格式化 {file}。',
      unchanged: '{file} 已经是规范格式。',
      hasErrors: '{file}：场景中有 {count} 个错误，没有格式化，也没有写入任何内容。'
    },
    import: {
      summary: '把 malloc-lab 跟踪文件或教科书式操作序列转换成场景',
      from: '输入格式：malloclab 或 oplist',
      output: '把场景写入 FILE，而不是输出到屏幕',
      name: '场景名（默认取输入文件名）',
      needFrom: '请用 --from {formats} 指明输入格式。',
      fromValue: '输入格式，{formats}',
      badFrom: '不支持“{value}”格式，请使用 --from {formats}。',
      oneFile: 'import 只接受一个输入文件。',
      wrote: '已写入 {file}。'
    },
    generate: {
      summary: '用带种子的生成器写出一个场景',
      seed: '种子；相同的种子总是生成相同的场景',
      output: '把场景写入 FILE，而不是输出到屏幕',
      name: '场景名',
      needKind: '请指定一个生成器：{kinds}。',
      needSeed: '请用 --seed N 给出种子，这样场景才能重新生成。',
      badSize: '--{option} 需要一个大小，例如 64 或 4KiB，不能是“{value}”。',
      wrote: '已写入 {file}。'
    }
  }
} satisfies typeof en

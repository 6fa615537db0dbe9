import type en from '../en/engine'

export default {
  spec: {
    missingFamily: '分配器配置 "{spec}" 没有写分配器族；可选：{families}。',
    unknownFamily: '分配器配置 "{spec}"：未知的分配器族 "{family}"；可选：{families}。',
    unknownFamilyGuess:
      '分配器配置 "{spec}"：未知的分配器族 "{family}"。你是不是想写 "{guess}"？可选：{families}。',
    missingEquals: '分配器配置 "{spec}"："{part}" 不是 键=值 的形式。',
    unknownOption: '分配器配置 "{spec}"：{family} 没有选项 "{key}"；它的选项有：{keys}。',
    unknownOptionGuess:
      '分配器配置 "{spec}"：{family} 没有选项 "{key}"。你是不是想写 "{guess}"？选项有：{keys}。',
    duplicateOption: '分配器配置 "{spec}"：选项 "{key}" 设置了两次。',
    emptyValue: '分配器配置 "{spec}"：选项 "{key}" 没有值。',
    badSwitch:
      '分配器配置 "{spec}"：{key}={value} 只能是 on 或 off（也可写 true/false、yes/no、1/0）。',
    badChoice: '分配器配置 "{spec}"：{key}={value} 不在可选值中：{choices}。',
    badChoiceGuess:
      '分配器配置 "{spec}"：{key}={value} 不在可选值中：{choices}。你是不是想写 "{guess}"？',
    badInteger: '分配器配置 "{spec}"：{key}={value} 必须是整数。',
    badSize:
      '分配器配置 "{spec}"：{key}={value} 不是合法的大小；请写整数字节数，可带单位（B、K、KiB、M、MiB、G、GiB）。',
    outOfRange: '分配器配置 "{spec}"：{key}={value} 超出范围（{min} 到 {max}）。',
    invalidConfig: '分配器配置 "{spec}"：{message}'
  },
  status: {
    ok: '成功',
    noMemory: '失败：空闲内存不足',
    fragmented: '失败：空闲内存总量够，但已碎片化',
    invalid: '无效',
    noop: '已跳过'
  },
  invalid: {
    none: '无原因',
    handleEmpty: '该句柄没有持有任何内存块',
    handleLive: '该句柄已经持有一个内存块',
    unknownCache: '没有这个缓存',
    cacheHasLiveObjects: '该缓存中仍有正在使用的对象',
    cacheExists: '同名缓存已经存在',
    tooLarge: '请求超过了该分配器所能提供的最大容量',
    wrongKind: '该句柄持有的是另一种内存'
  },
  worker: {
    crashed: '{config}：引擎工作线程崩溃了（{detail}）。',
    failed: '{config}：运行失败：{detail}',
    outOfMemory: '{config}：引擎工作线程内存耗尽（{detail}）。',
    terminated: '{config}：运行在完成前被终止。',
    noResult: '{config}：引擎工作线程结束了，但没有返回结果。',
    invariant: '{config}：第 {step} 个请求（第 {line} 行）之后不变式被破坏：{detail}',
    notAWorker: '引擎工作线程必须作为 worker 线程启动，不能直接运行。'
  },
  run: {
    summary: '用一个或多个分配器配置运行场景',
    allocatorOption:
      '分配器配置，例如 first-fit:arena=16MiB，或预设名，例如 csapp-textbook（可重复，用于对比多个配置；alloclab allocators 会列出所有预设）',
    jsonOption: '以 JSON 格式输出结果',
    eventsOption: '与 --json 一起使用：为每个请求输出一条记录',
    checkOption: '每个请求之后检查分配器的全部不变式（较慢）',
    timingOption: '与 --json 一起使用：输出实际耗时（每次运行都会不同）',
    needFile: '请给出且只给出一个场景文件（或用 "-" 表示标准输入）。',
    needAllocator:
      '请至少给出一个 --allocator 配置（运行 "alloclab allocators" 查看可用的分配器）。',
    tooManyAllocators: '一次最多运行 {max} 个分配器配置，这里给了 {count} 个；请分成几次运行。',
    allocatorValue: '一个分配器配置，例如 first-fit',
    eventsNeedJson: '--events 只能与 --json 一起使用。',
    noRecordOption:
      '不记录时间线（适合超大的运行：占用内存更少，但峰值只能每隔几千个请求观察一次）',
    noRecordConflicts:
      '--events、--csv 和 --report 需要读取时间线，而 --no-record 不会记录时间线。',
    scenarioHasErrors: '{file}：场景中有 {count} 个错误，未运行任何配置。',
    runFailed: '有运行未能完成。',
    configTitle: '配置：',
    cancelled: '（已在 {requests} 个请求后取消）',
    buddyinfoTitle: '{config}：buddyinfo',
    slabinfoTitle: '{config}：slabinfo',
    freeListTitle: '{config}：空闲链表（{count} 个块）',
    row: {
      requests: '请求数',
      failures: '失败数（内存不足 / 碎片化）',
      invalid: '无效请求数',
      utilization: '利用率（请求峰值 / 高水位）',
      internalFragmentation: '内部碎片（字节）',
      externalFragmentation: '外部碎片率',
      metadataBytes: '元数据（字节）',
      examined: '检查的链表项（合计）',
      nsPerRequest: '每个请求耗时（纳秒）'
    }
  },
  preset: {
    textbookHeap: {
      label: '教科书堆（100 字节）',
      description:
        '在地址 1000 处的 100 字节区域上做首次适配，没有头部、不做对齐，与空闲空间管理一章的习题相同。'
    },
    fourFits: {
      label: '四种适配并排比较',
      description: '在同一个 100 字节的教科书区域上比较首次、下次、最佳和最差适配。'
    },
    articlePool: {
      label: '1024 个页框上的伙伴系统',
      description: '管理 1024 个 4 KiB 页框（共 4 MiB）的伙伴分配器，阶为 0 到 10。'
    },
    slabOverBuddy: {
      label: '伙伴系统之上的 slab',
      description: '建立在 1024 个页框伙伴池上的 slab 缓存，与单独的伙伴分配器并排比较。'
    },
    ostep: {
      label: 'OSTEP 的 malloc.py',
      description:
        '在地址 1000 处 100 字节上做最佳适配，遵循 malloc.py 的规则：每次释放都把整个链表重新排序，任何剩余部分都保留，失败的查找也计数；开启合并时合并链表中相邻的项。'
    },
    csappTextbook: {
      label: 'CS:APP 教材分配器',
      description:
        'CS:APP 第 9.9.12 节的隐式空闲链表（64 位）：8 字节边界标记，16 字节对齐，首次适配，立即合并，堆按 4 KiB 逐块增长，最多 20 MiB。'
    },
    malloclabHeap: {
      label: '适合 malloc-lab 跟踪的带内堆',
      description:
        '在 16 MiB 区域上做首次适配，使用 8 字节边界标记和 8 字节对齐，和真实的 malloc 一样。'
    }
  },
  allocators: {
    summary: '列出所有分配器族及其选项、默认值和取值范围',
    jsonOption: '以 JSON 格式输出列表',
    defaultLabel: '默认',
    rangeLabel: '范围',
    choicesLabel: '可选',
    switchLabel: 'on 或 off',
    presetsTitle: '预设（现成的配置组合）：',
    example: '示例：alloclab run 文件 --allocator {example}'
  }
} satisfies typeof en

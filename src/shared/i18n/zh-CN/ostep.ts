import type en from '../en/ostep'

export default {
  import: {
    helpOnly: '这条命令只是让 malloc.py 显示帮助；请给出一道习题的参数，例如 -n 10 -S 100 -c。',
    cannotFollow: 'AllocLab 无法重放这条 malloc.py 命令：'
  },
  cli: {
    summary: '对同样的参数，逐字节输出 OSTEP 的 malloc.py 会输出的内容，答案来自 AllocLab 的堆',
    scenarioOption: '同时把这份工作负载连同其分配器写成场景文件 FILE',
    wrote: '已写入 {file}；运行时请用 --allocator {spec}。',
    cannotFollow: 'AllocLab 无法在这里继续跟随 malloc.py：{message}',
    helpHint: '运行 "alloclab ostep --help" 查看参数。'
  },
  usage: {
    noSuchOption:
      'malloc.py 没有选项 "{option}"；它的选项是 -s -S -b -H -a -p -l -C -n -r -P -A -c。',
    ambiguousOption: '"{option}" 可能是 {candidates} 中的任何一个，请多写几个字母。',
    needsArgument: '选项 {option} 需要一个值。',
    takesNoValue: '选项 {option} 不接受值。',
    notInteger: '选项 {option} 需要一个整数（按 Python 的 int() 解析），而不是 "{value}"。',
    badCommandLine: '命令行里有一个没有闭合的引号。'
  },
  crash: {
    policy:
      '策略必须是 FIRST、BEST 或 WORST，而不是 "{policy}"；malloc.py 在输出任何内容之前就停止了（{error}）。',
    order:
      '链表顺序必须是 ADDRSORT、SIZESORT+、SIZESORT-、INSERT-FRONT 或 INSERT-BACK，而不是 "{order}"；malloc.py 在输出任何内容之前就停止了（{error}）。',
    alignment:
      '对齐值必须是 -1（不对齐）或大于 0，而不是 {alignment}；malloc.py 在输出任何内容之前就停止了（{error}）。',
    percent:
      '分配操作所占的比例（-P）必须大于 0，而不是 {percent}；malloc.py 输出表头后就停止了（{error}）。',
    emptyOp:
      '操作列表中有一个空项（两个逗号相连，或以逗号开头或结尾）；malloc.py 在那里停止（{error}）。',
    notInteger: '操作 "{op}" 中的 "{word}" 不是整数；malloc.py 在那里停止（{error}）。',
    badOp: '操作 "{op}" 既不以 + 开头也不以 - 开头；malloc.py 在那里停止（{error}）。',
    failedPointer:
      'ptr[{index}] 从未被赋值，因为它的分配失败了，所以 malloc.py 在这次释放时停止（{error}）。'
  },
  unsupported: {
    heapSize: 'AllocLab 的堆大小为 1 到 {max} 字节；{size} 字节的堆（-S）超出了这个范围。',
    baseAddr: 'AllocLab 的堆起始地址在 0 到 2^48 之间；-b {base} 超出了这个范围。',
    headerSize: 'AllocLab 的堆头部为 0 到 {max} 字节；-H {header} 超出了这个范围。',
    alignment: 'AllocLab 的堆只能按不超过 4096 字节的 2 的幂对齐；-a {alignment} 不是。',
    opsNum: 'AllocLab 最多重放 {max} 个随机操作；-n {ops} 要求的更多。',
    request: '{size} 字节的请求超出了场景所能容纳的大小（1 TiB）。',
    blockSize:
      '对 {size} 字节的请求，malloc.py 会给出 {block} 字节的块；AllocLab 的堆给每个请求至少 1 字节的块，所以答案会从这里开始不同。',
    spec: '无法建立这个堆：{message}'
  }
} satisfies typeof en

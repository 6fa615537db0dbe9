import type en from '../en/library'

export default {
  toolbar: {
    search: '搜索',
    searchPlaceholder: '名称、标签或备注',
    sort: '排序方式',
    order: '顺序',
    usualOrder: '默认',
    ascending: '升序',
    descending: '降序',
    import: '导入实验文件…',
    importing: '正在导入…'
  },
  sort: {
    updated: '最近修改',
    created: '创建时间',
    name: '名称',
    utilization: '利用率最高',
    externalFragmentation: '峰值外部碎片最低',
    internalFragmentation: '内部碎片最低',
    failFragmented: '失败最少（碎片）',
    failNoMemory: '失败最少（内存不足）'
  },
  tags: {
    heading: '标签',
    tag: '{tag}（{count}）',
    clear: '全部实验'
  },
  list: {
    heading: '实验',
    countOne: '1 个实验',
    countMany: '{count} 个实验',
    range: '第 {from}–{to} 个，共 {total} 个',
    previous: '上一页',
    next: '下一页',
    loading: '正在读取实验库…',
    failed: '无法读取实验库。',
    retry: '重试',
    noMatch: '没有符合搜索条件的实验。',
    clearSearch: '清除搜索'
  },
  item: {
    updated: '修改于 {date}',
    requestsOne: '1 个请求',
    requestsMany: '{count} 个请求',
    config: '配置',
    status: '状态',
    noMetrics: '无结果',
    otherEngine: '由其他版本的引擎记录',
    noTimelines: '仅有汇总：回放需要重新运行',
    open: '打开',
    openLabel: '在回放中打开 {name}',
    rename: '重命名',
    annotate: '备注和标签',
    duplicate: '复制',
    exportFile: '导出文件',
    exportReport: 'HTML 报告',
    printReport: '打印',
    delete: '删除',
    actions: '{name} 的操作'
  },
  notes: {
    title: '备注和标签',
    notes: '备注',
    tags: '标签',
    tagsHint: '标签之间用逗号分隔，例如：作业 3，buddy。',
    save: '保存'
  },
  rename: {
    title: '重命名实验',
    label: '名称',
    save: '重命名',
    cancel: '取消',
    empty: '请为实验起个名字。',
    tooLong: '名称最多 {max} 个字符。',
    control: '名称不能包含换行等控制字符。'
  },
  empty: {
    title: '还没有实验',
    body: '先在工作台运行一个场景，然后在工作台或回放中点击“保存为实验”（Ctrl+S）。保存的实验会连同关键结果列在这里；你也可以导入别人给你的 .alloclab.json 文件。',
    toWorkbench: '前往工作台'
  },
  notice: {
    deleted: '已删除“{name}”。',
    undo: '撤销',
    restored: '“{name}”已恢复到实验库。',
    imported: '已导入“{name}”。',
    duplicated: '已创建“{name}”。',
    renamed: '已重命名为“{name}”。',
    annotated: '已保存“{name}”的备注和标签。',
    exported: '已下载 {file}。',
    failed: '{action}失败：{reason}',
    dismiss: '关闭'
  },
  actions: {
    open: '打开',
    rename: '重命名',
    annotate: '保存备注和标签',
    duplicate: '复制',
    delete: '删除',
    restore: '恢复',
    import: '导入',
    exportFile: '导出文件',
    exportReport: '生成报告',
    printReport: '打印报告',
    rerun: '重新运行'
  },
  save: {
    button: '保存为实验',
    update: '保存实验',
    shortcut: 'Ctrl+S',
    saving: '正在保存…',
    saved: '已保存为实验库中的“{name}”。',
    updated: '已保存“{name}”。',
    failed: '未能保存：{reason}',
    untitled: '未命名实验',
    toLibrary: '在实验库中查看',
    keepTimelines: '保留时间线，以后无需重新运行即可回放',
    keepTimelinesHint:
      '时间线占大部分空间（一百万个请求约需数十 MB）；不保留时只存摘要，回放需要重新运行。',
    savedWithoutTimelines: '已保存为实验库中的“{name}”，仅含摘要（未保留时间线）。',
    updatedWithoutTimelines: '已保存“{name}”，仅含摘要（未保留时间线）。'
  },
  report: {
    download: 'HTML 报告',
    print: '打印报告',
    printFrame: '正在打印的报告',
    export: '导出报告',
    exportHint: '下载本次运行的 HTML 报告，内容与此处显示的一致',
    exporting: '正在生成报告…',
    failed: '未能生成报告：{reason}'
  },
  timelines: {
    title: '保存时未保留时间线',
    all: '这个实验保存时只保留了摘要，因此没有可回放的步骤。重新运行即可回放；实验库中的摘要仍会保留。',
    some: '配置 {configs} 保存时只保留了摘要，因此没有可回放的步骤。重新运行即可回放；实验库中的摘要仍会保留。',
    rerun: '重新运行以回放'
  },
  engine: {
    title: '由其他版本的引擎记录',
    body: '配置 {configs} 由引擎 {recorded} 记录，而当前 AllocLab 使用引擎 {current}。时间线显示的是那个引擎的行为，无法重建分配器的内部结构。重新运行即可看到当前引擎的结果。',
    rerun: '用当前引擎重新运行',
    rerunning: '正在启动…'
  }
} satisfies typeof en

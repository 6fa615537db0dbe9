import type en from '../en/experiments'

export default {
  notFound: '实验库中没有编号为 #{id} 的实验。',
  purged: '实验 #{id} 已被删除，且撤销期限已过，它已从实验库中彻底移除。',
  deleted: '实验 #{id} 已被删除。请先恢复它，再查看或修改。',
  undoExpired: '实验 #{id} 删除已久，无法再恢复。',
  runNotFinished: '运行“{runId}”仍在进行中。请等所有配置都结束（或取消它）后再保存。',
  structuresNeedRerun:
    '配置 #{config} 是由另一版本的分配器引擎记录的。它的时间线如实反映了那个引擎的行为，但无法用当前引擎重建分配器的内部结构。重新运行该实验即可查看。',
  configUnavailable:
    '配置 #{config}（“{label}”，由引擎 {engineVersion} 记录）不是当前 AllocLab 能够载入的配置。实验仍保留在实验库中；可以重新运行它，或导出后在别处查看。',
  copyName: '{name}（副本）',
  file: {
    notJson: '该文件不是 JSON 文本（{detail}），因此不可能是实验文件。',
    notExperiment: '该文件不是 AllocLab 实验文件：它的“format”字段不是“{format}”。',
    newerVersion:
      '该实验文件是第 {version} 版，由更新的 AllocLab 写出；当前版本只能读取第 {supported} 版。请升级 AllocLab 后再导入。',
    unknownVersion: '该实验文件自称第 {version} 版；当前 AllocLab 只能读取第 {supported} 版。',
    invalid: '实验文件在“{field}”处无效：{detail}。没有导入任何内容。',
    programFormat:
      '文件中编译后的程序采用格式 {format}；当前 AllocLab 只能读取格式 {supported}。没有导入任何内容。',
    programDamaged: '文件中编译后的程序在“{field}”处已损坏：{detail}。没有导入任何内容。',
    timelineFormat:
      '配置 #{config} 的时间线采用格式 {format}；当前 AllocLab 只能读取格式 {supported}。请重新导出不含时间线的实验再导入。没有导入任何内容。',
    timelineDamaged: '配置 #{config} 的时间线在“{field}”处已损坏：{detail}。没有导入任何内容。',
    tooLarge: '实验 #{id} 连同时间线导出后将超过 {max} 个字符。请导出不含时间线的版本。'
  },
  cli: {
    libraryInMemory:
      '本次无法使用位于 {path} 的实验库（见上文），因此没有导入任何内容：否则命令结束后内容就会丢失。',
    list: {
      summary: '列出实验库中的实验',
      search: '只列出名称、备注或标签中包含所有这些词的实验',
      searchValue: '要查找的词，例如 "buddy lab"',
      tag: '只列出带有该标签的实验（可多次给出以要求多个标签）',
      tagValue: '一个标签，例如 "lab 3"',
      sort: '排序方式：updated（默认）、created、name，或某项关键指标（最佳配置在前）',
      json: '以 JSON 输出列表',
      badSort: '“{value}”不是实验库的排序方式；请使用以下之一：{choices}。',
      none: '没有匹配的实验。',
      count: '实验数：{count}',
      otherEngine: '（由其他版本的引擎记录）',
      column: {
        id: '编号',
        name: '名称',
        configs: '配置数',
        utilization: '最佳利用率',
        timelines: '时间线',
        updated: '更新时间',
        tags: '标签'
      }
    },
    export: {
      summary: '导出已保存的实验：报告（HTML 或 PDF）、逐请求指标（CSV）或实验文件（JSON）',
      experiment: '要导出的实验，使用“alloclab experiments”显示的编号',
      idValue: '实验编号，例如 12',
      format: 'html 或 pdf（报告）、csv（所有保留的时间线的逐请求指标）或 json（实验文件）',
      output: '写入 FILE，而不是标准输出',
      noTimelines: '实验文件中不包含时间线（仅用于 json）',
      needId: '请用 --experiment ID 指定实验（参见“alloclab experiments”）。',
      badId: '“{value}”不是实验编号；编号是整数，例如 12。',
      needFormat: '请用 --format 指定格式，可选：{choices}。',
      badFormat: '“{value}”不是导出格式；请使用以下之一：{choices}。',
      pdfNeedsFile: 'PDF 报告只能写入文件：请加上 -o 文件名，例如 -o report.pdf。',
      noTimelinesIsJson: '--no-timelines 只适用于 --format json。',
      noTimelinesKept:
        '实验 #{id} 没有保留时间线，因此没有逐请求指标可以导出。请在 AllocLab 中重新运行并连同时间线一起保存，或导出为 json。',
      configSkipped: '配置 #{config}（{label}）未导出：{why}',
      timeline: {
        dropped: '保存时没有保留它的时间线。',
        none: '它没有记录时间线。',
        damaged: '保存的时间线已损坏。',
        incompatible: '它的时间线所用的格式当前 AllocLab 无法读取。'
      }
    },
    import: {
      needFile: '请指定要导入的实验文件，例如“alloclab import lab3.alloclab.json”。',
      dbOnlyForExperiments: '--db 只在导入实验文件（*.alloclab.json）时有效。',
      noOutput: '实验文件会导入实验库，而不是写成文件；请去掉 -o（可用 --db 指定实验库）。',
      imported: '已导入实验 #{id}“{name}”（{configs} 个配置，其中 {timelines} 个带时间线）。'
    }
  }
} satisfies typeof en

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
  }
} satisfies typeof en

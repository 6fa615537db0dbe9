import type en from '../en/timeline'

export default {
  runNotFound:
    '这里没有保存名为“{runId}”的运行（只保留最新的 {kept} 次已结束运行，更早的会被丢弃）。',
  configNotFound: '运行“{runId}”没有第 {config} 号配置；它共有 {count} 个配置。',
  notRecorded:
    '运行“{runId}”的第 {config} 号配置没有时间线：它的状态是 {status}，或运行时没有开启记录。',
  stepOutOfRange: '第 {step} 步超出了已记录的请求范围 0..{last}。',
  unknownMetric: '未知的指标列“{name}”。可用的列：{known}。',
  scenarioHasErrors: '场景中有 {count} 处错误：\n{details}',
  csvOption: '把每个配置逐请求的指标列写入 FILE（一个 CSV 文件，第一列为 “config”）',
  csvWritten: '已将 {rows} 行逐请求指标写入 {file}。'
} satisfies typeof en

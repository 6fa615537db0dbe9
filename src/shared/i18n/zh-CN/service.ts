import type en from '../en/service'

export default {
  invalidInput: '{channel}：“{field}”的值不被接受（{detail}）。',
  invalidOutput:
    '{channel}：返回结果在“{field}”处的格式不符合预期（{detail}）。这是 AllocLab 的缺陷，请报告。',
  unknownChannel: '没有名为“{channel}”的调用。',
  untrustedSender: '来自非 AllocLab 窗口的调用已被拒绝。',
  badToken: '访问密钥缺失或不正确。请打开“alloclab web”打印出的完整地址。',
  badRequestBody: '无法读取请求：{detail}。',
  internal: 'AllocLab 内部出错：{detail}。请把它作为缺陷报告。',
  specInvalid: '分配器配置“{spec}”无法运行：',
  causeAt: '第 {line} 行第 {column} 列：{message}',
  badSpec: '第 {index} 个配置：{message}',
  compileFailed: '无法编译该场景：{detail}。',
  closing: 'AllocLab 正在退出，这次调用没有执行。',
  runBudgetInvalid:
    '{source}：“{value}”不是有效的内存预算。请写成 512MiB 或 4GiB 这样的大小，至少 1 MiB。'
} satisfies typeof en

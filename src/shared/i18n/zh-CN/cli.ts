import type en from '../en/cli'

export default {
  usage: '用法：alloclab <命令> [选项]',
  commandsTitle: '命令：',
  globalOptions: '选项：',
  helpOption: '显示 alloclab 或某个命令的帮助',
  versionOption: '显示版本号后退出',
  langOption: '消息语言：en 或 zh-CN',
  moreHelp: '运行 "alloclab <命令> --help" 查看某个命令的选项。',
  unknownCommand: '未知命令 "{name}"。运行 "alloclab --help" 查看所有命令。',
  didYouMean: '你是不是想输入 "{name}"？',
  badArguments: 'alloclab {command}：{message}',
  unknownOption: '未知选项 "{option}"。运行 "alloclab {command} --help" 查看它的选项。',
  missingValue: '选项 "{option}" 需要一个值。',
  unexpectedArgument: '多余的参数 "{arg}"。',
  fileUnreadable: '无法读取 "{file}"：{reason}',
  internalError: 'alloclab {command} 执行失败：{message}'
} satisfies typeof en

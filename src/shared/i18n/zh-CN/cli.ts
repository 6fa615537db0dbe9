import type en from '../en/cli'

export default {
  usage: '用法：alloclab <命令> [选项]',
  usageCommand: '用法：alloclab {synopsis}',
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
  internalError: 'alloclab {command} 执行失败：{message}',
  dbOption: '数据库文件（默认：~/.alloclab/alloclab.db，或环境变量 ALLOCLAB_DB）',
  runBudgetOption:
    '已记录的运行最多可占用的内存，例如 2GiB（默认：本机内存的四分之一，最多 4 GiB，或环境变量 ALLOCLAB_RUN_BUDGET）',
  web: {
    summary: '在本机浏览器中使用 AllocLab（只监听 127.0.0.1）',
    port: '监听的端口（默认：任意空闲端口）',
    noOpen: '不自动打开系统浏览器',
    badPort: '"{value}" 不是有效的端口号（0 到 65535）。',
    notBuilt: '应用还没有构建：{dir} 中没有 index.html。请先运行 "npm run build"。',
    listening: 'AllocLab 已在 {url} 运行\n按 Ctrl+C 停止。',
    openFailed: '无法自动打开浏览器，请手动打开上面的地址。'
  },
  db: {
    damaged: '数据库已损坏，无法打开（{detail}）。原文件已移到 {movedTo}，并新建了一个空数据库。',
    newer:
      '数据库由更新版本的 AllocLab 写入（{detail}）。原文件已原样移到 {movedTo}，并新建了一个数据库。'
  }
} satisfies typeof en

import type en from '../en/cli'

export default {
  usage: '用法：alloclab <命令> [选项]',
  usageCommand: '用法：alloclab {synopsis}',
  commandsTitle: '命令：',
  globalOptions: '选项：',
  helpOption: '显示 alloclab 或某个命令的帮助',
  versionOption: '显示版本号后退出',
  langOption: '消息语言：en 或 zh-CN（可写在命令行任意位置）',
  moreHelp: '运行 "alloclab <命令> --help" 查看某个命令的选项。',
  unknownCommand: '未知命令 "{name}"。运行 "alloclab --help" 查看所有命令。',
  unknownGlobalOption:
    '命令前的选项 "{option}" 无法识别。运行 "alloclab --help" 查看所有命令和选项。',
  didYouMean: '你是不是想输入 "{name}"？',
  problem: 'alloclab：{message}',
  badArguments: 'alloclab {command}：{message}',
  unknownOption: '未知选项 "{option}"。运行 "alloclab {command} --help" 查看它的选项。',
  unknownOptionGuess:
    '未知选项 "{option}"。你是不是想输入 "{guess}"？运行 "alloclab {command} --help" 查看它的选项。',
  needsValue: '{option} 需要一个值：{value}。',
  needsValueBare: '{option} 需要一个值。',
  dashValueHint: '如果值以 "-" 开头，请写成 {option}=值。',
  takesNoValue: '{option} 是开关选项，不接受值。',
  givenTwice: '{option} 出现了不止一次，请只给一次。',
  unexpectedArgument: '多余的参数 "{arg}"。',
  langNeedsValue: '--lang 需要一个值：{languages} 之一。',
  badLanguage: 'AllocLab 不支持语言 "{value}"，--lang 只能是以下之一：{languages}。',
  badEnvLanguage:
    'ALLOCLAB_LANG 的值是 "{value}"，AllocLab 不支持这种语言（可用：{languages}），消息仍用英文显示。',
  fileUnreadable: '无法读取 "{file}"：{reason}',
  notText: {
    scenario: '场景文件',
    trace: 'malloc-lab 跟踪文件',
    opList: '操作序列',
    experimentFile: '实验文件',
    nul: '{file}：偏移 {offset} 处是字节 0x00，这看起来是二进制文件，而不是{what}。',
    utf8: '{file}：偏移 {offset} 处的字节 {byte} 不是有效的 UTF-8，请把{what}保存为 UTF-8 文本。'
  },
  noSuchFolder: '文件夹 "{folder}" 不存在。',
  notAFolder: '"{folder}" 是一个文件，不是文件夹。',
  folderReadOnly: '无法写入文件夹 "{folder}"。',
  fileError: {
    notDir: '路径中的某一段是文件，而不是文件夹。',
    permission: '没有权限。',
    readOnlyDisk: '磁盘是只读的。',
    diskFull: '磁盘已满。'
  },
  value: {
    file: '一个文件名，例如 {example}',
    name: '场景的名字',
    whole: '{min} 到 {max} 之间的整数',
    anyWhole: '一个整数，例如 {example}',
    size: '一个大小，例如 64 或 4KiB，范围 {min} 到 {max}',
    share: '{min} 到 {max} 之间的数，例如 0.5',
    choice: '{choices} 之一',
    budget: '一个大小，例如 2GiB，至少 1MiB',
    positive: '一个大于 0 的数，例如 {example}',
    port: '0 到 65535 之间的端口号'
  },
  internalError:
    'alloclab {command} 意外失败（{message}）。这是 AllocLab 的缺陷，请连同你运行的命令一起报告给我们。',
  dbOption: '数据库文件（默认：~/.alloclab/alloclab.db，或环境变量 ALLOCLAB_DB）',
  progress: {
    running: '{percent}  每秒 {rate} 个请求  剩余 {left}',
    starting: '正在启动',
    queued: '等待中',
    done: '完成',
    cancelled: '已取消',
    failed: '失败',
    combined: '{count} 个配置中已完成 {finished} 个  {percent}  每秒 {rate} 个请求  剩余 {left}'
  },
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
  }
} satisfies typeof en

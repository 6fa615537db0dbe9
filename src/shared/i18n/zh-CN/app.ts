import type en from '../en/app'

export default {
  brand: {
    name: 'AllocLab',
    tagline: '内存分配实验室'
  },
  common: {
    close: '关闭',
    cancel: '取消',
    apply: '应用',
    loading: '正在加载…'
  },
  shell: {
    skipToContent: '跳到主要内容',
    navigationLabel: '功能区',
    documentTitle: '{view} · AllocLab'
  },
  nav: {
    library: '实验库',
    workbench: '工作台',
    replay: '回放',
    compare: '对比',
    lessons: '课程',
    settings: '设置'
  },
  library: {
    title: '实验库',
    summary: '你保存的实验，以及导入的实验文件。',
    emptyTitle: '还没有实验',
    emptyBody:
      '保存的实验会连同场景、运行记录和笔记一起列在这里。保存功能将与工作台中的场景运行一同推出。'
  },
  workbench: {
    title: '工作台',
    summary: '编写场景，选择分配器，然后运行。'
  },
  replay: {
    title: '回放',
    summary: '逐个请求地回看一次运行。'
  },
  compare: {
    title: '对比',
    summary: '把多次运行放在一起比较。'
  },
  lessons: {
    title: '课程',
    summary: '适合课堂使用的引导式实验。'
  },
  settings: {
    title: '设置',
    summary: '语言、外观，以及当前这份 AllocLab 的相关信息。',
    preferencesTitle: '偏好',
    languageLabel: '语言',
    languageHint: '立即生效，下次打开时依然保留。',
    languageNames: {
      en: 'English',
      zhCN: '简体中文'
    },
    themeLabel: '主题',
    themeHint: '“跟随系统”会使用这台电脑的浅色或深色设置。',
    themes: {
      light: '浅色',
      dark: '深色',
      system: '跟随系统'
    },
    aboutTitle: '关于 AllocLab',
    aboutLoading: '正在加载信息…',
    aboutUnavailable: '暂时无法获取当前这份 AllocLab 的信息。',
    info: {
      appVersion: '版本',
      host: '运行环境',
      engine: '引擎',
      engineValue: '{engine}（帧池布局 {layout}）',
      apiVersion: '接口版本',
      databasePath: '数据库',
      platform: '平台',
      nodeVersion: 'Node.js'
    },
    hosts: {
      electron: '桌面应用',
      browser: '浏览器，由本机提供服务',
      cli: '命令行',
      test: '测试宿主'
    }
  },
  databaseNotice: {
    titles: {
      damaged: '数据库已损坏',
      newer: '数据库来自更新版本的 AllocLab',
      readOnlyFile: '数据库文件无法写入',
      readOnlyFolder: '数据库所在的文件夹无法写入',
      pathIsFolder: '数据库的位置上是一个文件夹',
      pathNotAFile: '数据库的位置上不是普通文件',
      locked: '数据库被另一个程序占用',
      unreadable: '无法读取数据库',
      cannotCreate: 'AllocLab 无法创建数据库'
    },
    problems: {
      damaged: '文件 {path} 不是 AllocLab 能读取的数据库。',
      newer: '文件 {path} 由更新版本的 AllocLab 写入，当前版本无法安全地读取它。',
      readOnlyFile: '文件 {path} 是只读的，AllocLab 无法向其中保存任何内容。',
      readOnlyFolder:
        '文件夹 {folder} 是只读的。SQLite 保存更改时需要在 {path} 旁边创建几个小的日志文件，而这个文件夹不允许这样做。',
      pathIsFolder:
        '{path} 是一个文件夹，而不是文件。AllocLab 把数据库保存在这个位置上的单个文件里。',
      pathNotAFile:
        '{path} 不是普通文件（可能是设备、管道或套接字），AllocLab 无法把数据库放在那里。',
      locked:
        '另一个程序（可能是另一个 AllocLab，或某个数据库工具）锁住了 {path}，而且占用的时间超过了 AllocLab 的等待上限。',
      unreadable: 'AllocLab 没有读取 {path} 的权限，或者读取时出错。这并不说明文件已经损坏。',
      cannotCreate: 'AllocLab 无法创建数据库文件 {path}。'
    },
    moved: {
      damaged: '旧文件没有被删除，而是移到了 {movedTo}，你可以在那里检查它或尝试恢复。',
      newer: '旧文件原封不动地保存在 {movedTo}，请用更新版本的 AllocLab 打开。'
    },
    moveFailed: 'AllocLab 本想把它移到一旁妥善保存，再新建一个数据库，但没有成功。',
    failures: {
      permissionDenied: '文件夹 {folder} 不允许修改（权限不足）。',
      readOnlyFilesystem: '文件夹 {folder} 所在的磁盘以只读方式挂载。',
      notAFolder: '通往 {folder} 的路径中有一部分是文件，而不是文件夹。',
      other: '系统拒绝了这项操作，具体原因见技术细节。'
    },
    untouched: 'AllocLab 没有修改、移动或删除那里的任何东西。',
    fallbacks: {
      fresh: 'AllocLab 已在 {path} 新建了一个空数据库，一切功能照常可用，内容也会照常保存。',
      readOnly:
        '你仍然可以运行和回放实验，已保存的设置也在生效，但本次使用期间对设置和实验的更改都无法保存。',
      inMemory:
        '本次使用期间 AllocLab 改用一个临时数据库：你可以运行和回放实验、修改设置，但关闭 AllocLab 后这些内容都不会保留。'
    },
    fixes: {
      damaged:
        '如果想从现在起保存你的工作，请自行把 {path} 移走（或让文件夹 {folder} 可写，由 AllocLab 来移），然后重新启动 AllocLab。',
      newer:
        '请用更新版本的 AllocLab 打开这个数据库。如果想用当前版本重新开始，请自行把 {path} 移走，然后重新启动 AllocLab。',
      readOnlyFile:
        '如需重新保存，请让 {path} 变为可写（例如使用 “chmod u+w”），然后重新启动 AllocLab。',
      readOnlyFolder:
        '如需重新保存，请让文件夹 {folder} 变为可写，或者把数据库放到别处（“alloclab web --db 路径”或环境变量 ALLOCLAB_DB），然后重新启动 AllocLab。',
      pathIsFolder:
        '请移走或重命名这个文件夹，或者把数据库放到别处（“alloclab web --db 路径”或环境变量 ALLOCLAB_DB），然后重新启动 AllocLab。',
      pathNotAFile:
        '请把它移除，或者把数据库放到别处（“alloclab web --db 路径”或环境变量 ALLOCLAB_DB），然后重新启动 AllocLab。',
      locked: '请关闭那个程序或等它完成，然后重新启动 AllocLab，你的设置和实验就会回来。',
      unreadable: '请确认你有读取 {path} 的权限，然后重新启动 AllocLab。',
      cannotCreate:
        '请让文件夹 {folder} 变为可写，或者把数据库放到别处（“alloclab web --db 路径”或环境变量 ALLOCLAB_DB），然后重新启动 AllocLab。'
    },
    detailsLine: '技术细节：{detail}',
    details: '技术细节',
    dismiss: '关闭'
  },
  databaseErrors: {
    readOnly: '本次使用期间无法保存任何内容：数据库以只读方式打开。AllocLab 启动时已说明了原因。',
    locked: '未能保存：数据库正被另一个程序占用，请稍后再试。',
    full: '未能保存：存放数据库的磁盘已满。'
  },
  notices: {
    regionLabel: '通知',
    dismiss: '关闭',
    loadSettingsFailed: '无法加载设置',
    saveSettingsFailed: '无法保存设置',
    loadInfoFailed: '无法读取当前这份 AllocLab 的信息',
    unexpected: '出现了意外错误',
    reasons: {
      missingToken:
        '打开此页面时缺少访问密钥。请打开 “alloclab web” 输出的完整地址，包括 “?token=” 之后的部分。',
      refused: 'AllocLab 服务拒绝了请求（HTTP {status}）。请重新打开它输出的地址。',
      unreachable: '无法连接到 AllocLab 服务，请确认它仍在运行。',
      badResponse: 'AllocLab 服务返回了本页面无法识别的响应（HTTP {status}）。'
    }
  }
} satisfies typeof en

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
    summary: '你保存的实验、内置课程和导入的文件。',
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
    summary: '逐个请求地回看一次运行。',
    emptyTitle: '还没有可回放的运行',
    emptyBody:
      '回放把一次完成的运行展开在时间线上：播放、暂停、单步、拖动进度，内存布局、空闲链表和各项指标同步变化。能够记录运行之后即可使用。'
  },
  compare: {
    title: '对比',
    summary: '把多次运行放在一起比较。',
    emptyTitle: '还没有可对比的运行',
    emptyBody:
      '对比视图把同一场景的多次运行排进一张表格和同一组图表，碎片、耗时和元数据开销一目了然。至少需要两次已记录的运行。'
  },
  lessons: {
    title: '课程',
    summary: '适合课堂使用的引导式实验。',
    emptyTitle: '课程正在编写中',
    emptyBody:
      '每节课都配有一段简短讲解和一个现成的场景，内容从首次适应、最佳适应一直到伙伴分配器和 slab 缓存。课程完成后会陆续出现在这里。'
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
    damagedTitle: '数据库已损坏，AllocLab 已新建一个数据库',
    damagedBody: '旧文件没有被删除，而是移到了 {path}，你可以在那里检查它或尝试恢复。',
    newerTitle: '数据库来自更新版本的 AllocLab',
    newerBody:
      '当前版本无法安全地读取它，因此新建了一个数据库。旧文件原封不动地保存在 {path}，请用更新版本的 AllocLab 打开。',
    details: '技术细节',
    dismiss: '关闭'
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

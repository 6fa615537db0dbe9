import type en from '../en/classroom'

export default {
  lessons: {
    listLabel: '内置课程',
    allocators: '分配器',
    open: '打开课程',
    opening: '正在打开…',
    copy: '复制到工作台',
    copied: '课程的场景和分配器已放进工作台，可以随意修改。',
    openFailed: '无法开始这节课：{reason}'
  },
  note: {
    heading: '课程讲解',
    before: '第一个请求之前',
    atStep: '第 {step} 步之后',
    pane: '窗格：{pane}',
    allPanes: '所有窗格',
    previous: '上一条讲解',
    next: '下一条讲解',
    noneYet: '第一条讲解在第 {step} 步出现。',
    position: '第 {index} 条讲解，共 {count} 条'
  },
  exercise: {
    start: '预测下一步',
    stop: '结束练习',
    heading: '预测下一步',
    pane: '分配器',
    nextRequest: '第 {step} 步：{request}',
    finished: '这次运行已经没有下一步了。最终得分：{asked} 题答对 {right} 题。',
    question: '题目',
    kinds: {
      result: '分配器返回什么？',
      examined: '它要查看多少个表项？',
      freeAreas: '之后每一阶各有多少个空闲块？',
      freeList: '之后空闲链表是什么样子？'
    },
    succeeds: '成功',
    fails: '失败',
    address: '地址',
    frame: '起始页框',
    placeFrame: '第 {value} 号页框',
    placeAddress: '地址 {value}',
    examinedField: '查看的表项数',
    freeAreasField: '每一阶的空闲块数，从 0 阶开始',
    freeAreasHint: '用空格分隔的数字，例如 0 0 1 1',
    freeListField: '按链表顺序写出空闲块，格式为 地址:大小',
    freeListHint: '例如 1000:10 1030:70；链表为空时留空',
    check: '检查并揭晓',
    next: '下一题',
    right: '答对了。',
    wrong: '不太对。',
    answer: '正确答案：{answer}。',
    failed: '请求失败（{status}）',
    succeededAt: '成功，位置是 {place}',
    succeeded: '成功',
    emptyList: '空闲链表为空',
    score: '得分：{asked} 题答对 {right} 题',
    scoreNone: '还没有作答',
    unreadable: '无法识别这个答案：{hint}',
    teacher: '教师用',
    addToSheet: '把这道题加入练习题',
    sheetCount: '练习题中的题目：{count} 道',
    exportSheet: '导出练习题和参考答案',
    exporting: '正在导出…',
    exported: '已保存 {sheet} 和 {answers}。',
    exportFailed: '无法生成练习题：{reason}',
    clearSheet: '重新开始一份练习题',
    loadFailed: '无法读取下一步：{reason}'
  },
  sheet: {
    kicker: 'AllocLab 练习题',
    answersKicker: 'AllocLab 参考答案',
    untitled: '预测下一步',
    documentTitle: '{title} · 练习题',
    answersDocumentTitle: '{title} · 参考答案',
    allocator: '分配器',
    instructions:
      '下面的请求按顺序交给这个分配器执行。对每一道题，先写出那一步会发生什么，再去看下一步。',
    requests: '请求',
    step: '步',
    request: '请求',
    questions: '题目',
    questionAt: '第 {index} 题 · 第 {step} 步：{request}',
    answerLine: '你的答案：',
    answerLabel: '答案：',
    whyLabel: '发生了什么：',
    studentName: '姓名'
  },
  pack: {
    heading: '课程包',
    summary:
      '课程包把课程和已保存的实验打包成一个文件，全班一键即可导入。课程包里只有数据；损坏的课程包会被拒绝，什么都不会改变。',
    include: '放进课程包',
    experiments: '要放进课程包的已保存实验',
    noExperiments: '还没有保存的实验。',
    title: '课程包标题',
    defaultTitle: 'AllocLab 课程',
    export: '导出课程包',
    exported: '已保存 {file}：{lessons} 节课程，{experiments} 个实验。',
    exportFailed: '无法生成课程包：{reason}',
    import: '导入课程包',
    imported:
      '已导入“{title}”：{lessons} 节课程，{experiments} 个实验；另有 {builtIn} 节课程本来就是内置的。',
    fromPack: '来自“{title}”',
    loadFailed: '无法加载导入的课程',
    remove: '删除这节导入的课程',
    removeFailed: '无法删除导入的课程',
    notImported: '没有编号为“{id}”的导入课程，可能已在另一个窗口中删除。',
    carryOverFailed:
      '之前在这个浏览器中导入的课程暂时无法移入实验室的数据库。它们在这个窗口中仍然可用，AllocLab 下次会再试',
    refused: {
      title: '这个课程包被拒绝了，什么都没有改变。',
      tooLong: '文件超过了 {mib} MiB。',
      notJson: '这个文件不是 JSON。',
      notPack: '这个文件不是 AllocLab 课程包。',
      version:
        '这个课程包的版本是 {version}，而当前的 AllocLab 只能读取版本 {supported}。请用制作它的 AllocLab 打开。',
      field: '位置 {field}：{detail}。',
      duplicateId: '位置 {field}：课程编号“{id}”出现了两次。',
      scenario: '位置 {field}：场景第 {line} 行有错误。',
      noteStep: '位置 {field}：讲解放在第 {step} 步，但最后一步是第 {last} 步。',
      notePane: '位置 {field}：讲解说的是第 {pane} 个窗格，而这节课没有这个窗格。',
      experiment: '无法导入实验“{name}”：'
    }
  },
  presentation: {
    toggle: '演示模式',
    on: '演示模式已打开：大字号、高对比度、更粗的内存图；在回放中用 Page Down 和 Page Up 前进、后退一步。',
    off: '演示模式已关闭。',
    shortcut: '在任何地方按 F9 都可以打开或关闭。',
    notSaved: '演示模式只在这个窗口中切换了，无法记住这个设置'
  }
} satisfies typeof en

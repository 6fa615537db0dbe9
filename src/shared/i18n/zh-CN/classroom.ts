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
    loadFailed: '无法读取下一步：{reason}'
  },
  presentation: {
    toggle: '演示模式',
    on: '演示模式已打开：大字号、高对比度、更粗的内存图；在回放中用 Page Down 和 Page Up 前进、后退一步。',
    off: '演示模式已关闭。',
    shortcut: '在任何地方按 F9 都可以打开或关闭。'
  }
} satisfies typeof en

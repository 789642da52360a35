// Sync with the team server: the status in the header (Chinese, the primary language).
export const zhSync = {
  'sync.label': '同步状态',
  'sync.waiting': '待同步 {count} 项',
  'sync.allSent': '已全部同步',
  'sync.last': '上次同步 {time}',
  'sync.never': '尚未同步',
  'sync.offline': '离线',
  'sync.syncing': '正在同步…',
  'sync.elsewhere': '另一个标签页正在同步',
  'sync.loginNeeded': '请登录团队服务器后同步',
  'sync.failed': '同步失败（{message}），{seconds} 秒后重试',
  'sync.now': '立即同步',
  'sync.problems': '冲突 {conflicts} 项，被拒绝 {refused} 项',
  'sync.problemsOpen': '查看同步冲突和被拒绝的修改',
  'sync.conflictItem': '{what}：服务器上已有他人的新版本',
  'sync.refusedItem': '{what}：服务器拒绝（{message}）',
  // Pulled photos whose image did not download (h-persist)
  'sync.imagesMissing': '{count} 张照片的图像尚未下载，下次同步重试',
};

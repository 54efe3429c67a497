export default definePageConfig({ navigationBarTitleText: '学习管理', enablePullDownRefresh: true });

export default definePageConfig({ navigationBarTitleText: '完成情况', enablePullDownRefresh: true });

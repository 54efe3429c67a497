export default definePageConfig({ navigationBarTitleText: '添加党员' });

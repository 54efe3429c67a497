export default definePageConfig({ navigationBarTitleText: '申报基数' });

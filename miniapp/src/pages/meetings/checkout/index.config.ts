export default definePageConfig({ navigationBarTitleText: '签退' });

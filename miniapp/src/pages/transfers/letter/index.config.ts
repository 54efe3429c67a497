export default definePageConfig({ navigationBarTitleText: '介绍信' });

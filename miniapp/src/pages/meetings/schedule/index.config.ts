export default definePageConfig({ navigationBarTitleText: '夜学安排' });

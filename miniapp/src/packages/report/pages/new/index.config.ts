export default definePageConfig({
  navigationBarTitleText: '一键举报',
});

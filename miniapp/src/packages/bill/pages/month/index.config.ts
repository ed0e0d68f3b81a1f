export default definePageConfig({
  navigationBarTitleText: '月度核查结果',
});

export default definePageConfig({
  navigationBarTitleText: '申报核对结果',
});

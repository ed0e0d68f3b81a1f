export default definePageConfig({
  navigationBarTitleText: '申报实际电费',
});

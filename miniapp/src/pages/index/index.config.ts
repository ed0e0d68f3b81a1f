export default definePageConfig({
  navigationBarTitleText: '转供电费用核查',
});

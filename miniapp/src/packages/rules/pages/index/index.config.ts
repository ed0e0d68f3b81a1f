export default definePageConfig({
  navigationBarTitleText: '电价与规则',
});

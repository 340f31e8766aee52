/** The navigation's strings: one per screen, in Chinese and English. */
export const zh = {
  nav: '导航',
  nav_cases: '案件',
  nav_zones: '责任区',
  nav_liaisons: '联络员',
  nav_categories: '类别',
  nav_calendar: '工作日历',
  nav_rules: '分派规则',
  nav_cards: '联系卡',
  nav_figures: '考核统计',
  nav_operations: '运行状况',
  nav_audit: '审计日志',
  forbiddenScreen: '您的角色不能使用此页面',
};
export const en: Record<keyof typeof zh, string> = {
  nav: 'Navigation',
  nav_cases: 'Cases',
  nav_zones: 'Zones',
  nav_liaisons: 'Liaisons',
  nav_categories: 'Categories',
  nav_calendar: 'Calendar',
  nav_rules: 'Routing rules',
  nav_cards: 'Contact cards',
  nav_figures: 'Figures',
  nav_operations: 'Operations',
  nav_audit: 'Audit log',
  forbiddenScreen: 'Your role cannot use this page',
};

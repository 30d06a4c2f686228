import type { AllocationGroup, AllocationTaskSeed } from './allocation.js';
import { YUNYANG_TASKS_A } from './yunyang-tasks-a.js';
import { YUNYANG_TASKS_B } from './yunyang-tasks-b.js';

// Seed 002: 中共云阳县委 云阳县人民政府关于优化生育政策促进人口长期均衡发展的工作方案(征求意见稿), published for
// comment on 2022-07-14 (no document number). Its targets run "到2025年" (一): the plan's end is read as
// 2025-12-31 (a reading, supervision README; the monitoring plan reads the same period), the deadline
// of every annex task, since the annex has no deadline column and no task text states a date.
export const YUNYANG_WORK_PLAN = {
  key: 'yunyang-2022-draft',
  title: '中共云阳县委 云阳县人民政府关于优化生育政策促进人口长期均衡发展的工作方案(征求意见稿)',
  documentNo: null,
  issuedOn: '2022-07-14',
  endsOn: '2025-12-31',
  countyCode: '500235',
} as const;

/** The annex's 23 group headings (一…二十三), as printed. */
export const YUNYANG_TASK_GROUPS: readonly AllocationGroup[] = [
  { numeral: '一', title: '取消社会抚养费等生育制约措施' },
  { numeral: '二', title: '建立健全人口服务体系' },
  { numeral: '三', title: '加强人口监测预警分析' },
  { numeral: '四', title: '完善妇幼健康服务体系' },
  { numeral: '五', title: '加强孕产妇和儿童健康服务' },
  { numeral: '六', title: '加强出生缺陷综合防治' },
  { numeral: '七', title: '建立健全支持政策' },
  { numeral: '八', title: '加强家庭科学育儿的支持和指导' },
  { numeral: '九', title: '规范发展多种形式的托育服务' },
  { numeral: '十', title: '加强综合监管和示范带动' },
  { numeral: '十一', title: '落实生育休假与生育有关保险制度' },
  { numeral: '十二', title: '落实税收、住房等支持政策' },
  { numeral: '十三', title: '推进学前教育普及及普惠优质发展' },
  { numeral: '十四', title: '促进义务教育更加优质均衡' },
  { numeral: '十五', title: '保障女性就业合法权益' },
  { numeral: '十六', title: '构建新型婚育文化' },
  { numeral: '十七', title: '持续优化未成年人健康成长环境' },
  { numeral: '十八', title: '促进养老机构协同发展' },
  { numeral: '十九', title: '强化居家社区养老服务' },
  { numeral: '二十', title: '促进医康养融合发展' },
  { numeral: '二十一', title: '维护计划生育合法权益' },
  // "帮扶帮扶" is the seed's.
  { numeral: '二十二', title: '建立健全计划生育特殊家庭全方位帮扶帮扶保障制度' },
  { numeral: '二十三', title: '建立健全政府主导、社会组织参与的扶助关怀工作机制' },
];

/** The annex's 69 tasks (002 task 1…69), in the order printed. */
export const YUNYANG_KEY_TASKS: readonly AllocationTaskSeed[] = [...YUNYANG_TASKS_A, ...YUNYANG_TASKS_B];

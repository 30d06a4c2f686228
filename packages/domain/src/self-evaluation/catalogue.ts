import type { Message } from '../messages.js';

// 003 三(一)–(七): the seven dimensions of the fertility-friendly evaluation and their checkable
// items, as the seed writes them (REQUIREMENTS B8). Reading: one item per checkable requirement
// of the seed's text, a sentence split where it names two things that are checked apart (coverage,
// accuracy, timeliness; slots and enrolment) — 46 items; the seed gives no points (see scoring).

/** What Cradle can measure for an item itself; `ranking` and `survey` items take a user's entry. */
export type EvaluationMetric =
  | 'registryCoverage'
  | 'registryAccuracy'
  | 'registryTimeliness'
  | 'slotsPer1000'
  | 'enrolmentRate'
  | 'incidents'
  | 'jointMeetings'
  | 'specialFamilyFiles'
  | 'specialFamilyContacts'
  | 'specialFamilyDoctors';

export interface EvaluationItemDef {
  code: string;
  dimension: number;
  clause: string;
  text: string;
  /** A figure Cradle reads, with its threshold when the seed gives one (as a fraction). */
  metric?: EvaluationMetric;
  threshold?: number;
  /** At most this many (近三年无重大安全事故发生: none). */
  ceiling?: number;
  /** "居于自治区前列": the value is shown and the region's ranking entered by hand. */
  relative?: boolean;
  /** 知晓率 / 满意度: tallies of a survey entered by hand. */
  survey?: boolean;
}

export const EVALUATION_DIMENSIONS: readonly { number: number; clause: string; title: Message }[] = [
  { number: 1, clause: '003 三(一)', title: { zh: '组织领导保障有力', en: 'Leadership and organisation' } },
  { number: 2, clause: '003 三(二)', title: { zh: '人口服务体系健全', en: 'Population service network' } },
  { number: 3, clause: '003 三(三)', title: { zh: '托育服务发展领先', en: 'Childcare services' } },
  { number: 4, clause: '003 三(四)', title: { zh: '生育支持政策完备', en: 'Fertility support policies' } },
  { number: 5, clause: '003 三(五)', title: { zh: '优生优育服务优质', en: 'Maternal and child health services' } },
  { number: 6, clause: '003 三(六)', title: { zh: '家庭保障措施到位', en: 'Support for families' } },
  { number: 7, clause: '003 三(七)', title: { zh: '生育友好氛围浓厚', en: 'A fertility-friendly climate' } },
];

const item = (dimension: number, n: number, text: string, extra: Partial<EvaluationItemDef> = {}) => ({
  code: `${dimension}.${n}`,
  dimension,
  clause: `003 三(${'一二三四五六七'[dimension - 1]})`,
  text,
  ...extra,
});

export const EVALUATION_ITEMS: readonly EvaluationItemDef[] = [
  item(1, 1, '坚持一把手亲自抓、负总责'),
  item(1, 2, '建立健全优化生育政策工作领导小组制度'),
  item(1, 3, '结合本地实际，因地制宜出台本地配套支持措施'),
  item(2, 1, '乡镇（街道）明确承担人口和计划生育工作的机构和人员'),
  item(2, 2, '村民委员会、居民委员会明确专人负责人口和计划生育工作'),
  item(2, 3, '夯实乡镇（街道）、村（社区）网络队伍，基层工作网络健全，管理规范'),
  item(2, 4, '落实生育登记制度，全面推行网上办理，生育咨询指导服务方便可及'),
  item(2, 5, '实现出生医学证明、儿童预防接种、户口登记、医保参保、社保卡申领等“出生一件事”联办'),
  item(2, 6, '人口服务基础信息融合共享、动态更新'),
  // 003 三(二): "全员人口库常住人口覆盖率、主要数据项准确率达到95%以上,实时上报率均达到90%以上".
  item(2, 7, '全员人口库常住人口覆盖率达到95%以上', { metric: 'registryCoverage', threshold: 0.95 }),
  item(2, 8, '主要数据项准确率达到95%以上', { metric: 'registryAccuracy', threshold: 0.95 }),
  item(2, 9, '实时上报率达到90%以上', { metric: 'registryTimeliness', threshold: 0.9 }),
  item(3, 1, '将婴幼儿照护服务纳入经济社会发展规划'),
  item(3, 2, '建立区级婴幼儿照护服务联席会议制度，定期研究解决制约托育服务发展的重点难点问题', {
    metric: 'jointMeetings',
  }),
  item(3, 3, '落实托育机构运营补贴、建设补助等具体措施'),
  item(3, 4, '落实支持托育服务发展的纾困扶持政策措施'),
  item(3, 5, '落实备案托育机构用水、用电、用气参照居民生活价格政策'),
  item(3, 6, '支持妇幼保健机构或医疗机构开展“医育结合”模式的托育服务'),
  item(3, 7, '推进区级婴幼儿照护服务中心建设'),
  item(3, 8, '推进党政机关、企事业单位等举办托育机构'),
  item(3, 9, '将托育服务人员作为急需紧缺职业（工种）纳入培训规划，按规定落实职业培训补贴'),
  item(3, 10, '千人口托位数居于自治区前列', { metric: 'slotsPer1000', relative: true }),
  item(3, 11, '婴幼儿入托率居于自治区前列', { metric: 'enrolmentRate', relative: true }),
  item(3, 12, '近三年无重大安全事故发生', { metric: 'incidents', ceiling: 0 }),
  item(4, 1, '依法依规落实产假、哺乳假等制度'),
  item(4, 2, '积极落实配偶产前检查陪护假、陪产假、父母育儿假、独生子女父母护理假'),
  item(4, 3, '开展女职工生育权益保障行动'),
  item(4, 4, '完善配租公租房政策，制定根据养育未成年子女负担情况实施差异化租赁和购买房屋的优惠政策'),
  item(4, 5, '普惠性幼儿园覆盖率居于自治区前列', { relative: true }),
  item(4, 6, '义务教育优质均衡发展取得明显成效'),
  item(4, 7, '学生作业负担和校外培训负担有效减轻'),
  item(5, 1, '母婴安全五项制度落实到位'),
  item(5, 2, '出生缺陷三级预防措施全面落实，婚前保健和孕前优生健康检查服务广泛覆盖'),
  item(5, 3, '实施健康儿童行动提升计划，基层医疗卫生机构儿童保健门诊建设达到或超过相关标准要求'),
  item(6, 1, '引导用人单位积极出台政策举措，帮助职工平衡工作和家庭责任'),
  item(6, 2, '社区婴幼儿活动场所和母婴设施较为齐全'),
  item(6, 3, '落实好独生子女家庭和农村计划生育双女家庭各项奖励扶助制度和优惠政策'),
  item(6, 4, '计划生育特殊家庭生活、养老、医疗、精神慰藉等全方位帮扶保障制度建立健全'),
  item(6, 5, '推进计划生育特殊家庭电子档案、扶助档案系统信息录入', { metric: 'specialFamilyFiles' }),
  item(6, 6, '全面落实特殊家庭联系人制度、优先便利医疗服务', { metric: 'specialFamilyContacts' }),
  item(6, 7, '家庭医生签约服务做到应签尽签', { metric: 'specialFamilyDoctors' }),
  item(7, 1, '重视家庭家教家风建设，持续深入宣传新时代人口和生育政策'),
  item(7, 2, '倡导新型婚育文化，破除婚嫁大操大办、高价彩礼等陋习'),
  item(7, 3, '深入开展群众喜闻乐见的宣传活动，社区、单位、家庭等广泛参与'),
  item(7, 4, '群众对人口和生育政策以及生育友好社会环境建设情况的知晓率较高', { survey: true }),
  item(7, 5, '群众对人口和生育政策以及生育友好社会环境建设情况的满意度较高', { survey: true }),
];

export const findEvaluationItem = (code: string): EvaluationItemDef | undefined =>
  EVALUATION_ITEMS.find((i) => i.code === code);

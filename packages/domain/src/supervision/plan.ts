// Seed 004: 维发〔2023〕15号, issued 2023-06-28 by 中共维西县委 and 维西县人民政府. Its targets run
// "到 2025 年" ((二)); the plan's end is read as 2025-12-31 (a reading, supervision README), the
// default deadline of a task whose text states none and the latest date a milestone may take.
export const WEIXI_PLAN = {
  key: 'weixi-2023-15',
  title: '维西县关于优化生育政策促进人口长期均衡发展的实施方案',
  documentNo: '维发〔2023〕15号',
  issuedOn: '2023-06-28',
  endsOn: '2025-12-31',
  countyCode: '533423',
} as const;

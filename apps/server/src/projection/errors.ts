import { defineErrors } from '../errors.js';

export const ProjectionError = defineErrors({
  'projection.tfrPathInvalid': {
    status: 400,
    message: {
      zh: '总和生育率路径格式有误：请写成“年份:总和生育率”，以逗号分隔，例如 2026:1.1,2035:1.4',
      en: 'The TFR path is not valid: write year:TFR pairs separated by commas, e.g. 2026:1.1,2035:1.4',
    },
  },
  'projection.tfrPathYear': {
    status: 400,
    message: {
      zh: '总和生育率路径的年份须在预测期内，且从早到晚各写一次',
      en: 'The years of a TFR path must lie in the projected years, each once, earliest first',
    },
  },
  'projection.tfrPathValue': {
    status: 400,
    message: {
      zh: '总和生育率须在 0.3 至 5 之间',
      en: 'A total fertility rate must lie between 0.3 and 5',
    },
  },
  'projection.tfrPathMissing': {
    status: 400,
    message: {
      zh: '选择“自定义生育率”情景时，请填写总和生育率路径',
      en: 'The typed-TFR scenario needs a TFR path',
    },
  },
  'projection.noPopulation': {
    status: 409,
    message: {
      zh: '该区划在人口库中没有常住人口，无法预测',
      en: 'The registry holds no residents of this region: nothing to project',
    },
  },
  'projection.draftNotFound': {
    status: 404,
    message: { zh: '未找到该政策的草稿版本', en: 'No such draft version of the scheme' },
  },
});

import { addWorkingDays, type WorkingDayCalendar } from '../family/working-days.js';
import type { Message } from '../messages.js';

// 托育机构登记和备案办法(试行) (国卫人口发〔2019〕25号), as the issue reads it: the health
// commission completes a filing within 5 working days of receiving the materials; problems it
// finds are sent back and corrected within 15 working days. No seed gives these (REQUIREMENTS
// "Problems" 7): they are the national rule the issue names, counted on Cradle's working-day
// calendar (the day of receipt not counted, as every Cradle deadline).
export const FILING_REVIEW_WORKING_DAYS = 5;
export const FILING_CORRECTION_WORKING_DAYS = 15;

export const FILING_DEADLINE_CITATION: Message = {
  zh: '托育机构登记和备案办法(试行)(国卫人口发〔2019〕25号)：收到备案材料后5个工作日内完成备案；发现问题的，退回并于15个工作日内整改',
  en: 'Childcare institution registration and filing rules (trial), 2019: filing within 5 working days of receipt; problems sent back and corrected within 15 working days',
};

/** The day the county must have filed or sent back a version received on `receivedOn`. */
export function filingReviewDeadline(receivedOn: string, cal: WorkingDayCalendar): string {
  return addWorkingDays(receivedOn, FILING_REVIEW_WORKING_DAYS, cal);
}

/** The day a version sent back on `sentBackOn` must be corrected by. */
export function filingCorrectionDeadline(sentBackOn: string, cal: WorkingDayCalendar): string {
  return addWorkingDays(sentBackOn, FILING_CORRECTION_WORKING_DAYS, cal);
}

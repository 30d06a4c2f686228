import { defineErrors } from '../errors.js';

export const PaymentFileError = defineErrors({
  'paymentFile.financeOnly': {
    status: 403,
    message: {
      zh: '仅财政部门经办人可导出发放文件或导入银行回盘文件',
      en: 'Only a finance operator may export a payment file or import a bank return',
    },
  },
  'paymentFile.totpNotEnrolled': {
    status: 403,
    message: {
      zh: '导出发放文件须进行双因素验证，但您的账户尚未绑定身份验证器，请联系系统管理员',
      en: 'Exporting a payment file needs two-factor verification, and your account has no authenticator; ask a system administrator',
    },
  },
  'paymentFile.totpInvalid': {
    status: 403,
    message: {
      zh: '动态码错误、已过期或已使用过，请输入身份验证器中新的六位动态码',
      en: 'The code is wrong, expired or already used; enter a new six-digit code from your authenticator',
    },
  },
  'paymentFile.locked': {
    status: 423,
    message: {
      // auth/lockout.ts: ten wrong step-up codes lock the account for a day, or until unlocked.
      zh: '动态码错误次数过多，账户已锁定，请联系管理员解锁',
      en: 'Too many wrong codes; the account is locked until an administrator unlocks it',
    },
  },
  'batch.notComplete': {
    status: 409,
    message: {
      zh: '发放批次尚未计算完成，完成后才能导出',
      en: 'The payment batch is still running; export it once it is complete',
    },
  },
  'batch.notApproved': {
    status: 409,
    message: {
      zh: '该发放批次尚未审批：须由运行发放以外的县级管理员审批（有公示的，公示期满后），审批后才能导出',
      en: 'The batch is not approved: a county administrator other than whoever ran the cycle approves it (after its public notice, where it has one) before it can be exported',
    },
  },
  'batch.cancelled': {
    status: 409,
    message: { zh: '该发放批次已作废，不能导出', en: 'The batch was cancelled and cannot be exported' },
  },
  'batch.nothingToPay': {
    status: 409,
    message: {
      zh: '该批次没有待支付的发放记录（均已回盘或已转入下一批次）',
      en: 'The batch has no payment awaiting payment (all are settled or carried into a later batch)',
    },
  },
  'export.beneficiaryUnavailable': {
    status: 409,
    message: {
      zh: '部分发放对象的户籍信息已不在您的辖区内，无法导出其身份证号，请核实后处理',
      en: 'Some beneficiaries are no longer on record in your jurisdiction, so their ID numbers cannot be exported; check them first',
    },
  },
  'bankReturn.noFile': { status: 400, message: { zh: '请选择银行回盘文件', en: 'Choose the bank return file' } },
  'bankReturn.unsupportedFormat': {
    status: 400,
    message: { zh: '银行回盘文件只支持 .csv 和 .xlsx', en: 'A bank return file must be .csv or .xlsx' },
  },
  'bankReturn.unreadable': {
    status: 400,
    message: { zh: '无法读取银行回盘文件', en: 'The bank return file cannot be read' },
  },
  'bankReturn.missingColumns': {
    status: 400,
    message: {
      zh: '回盘文件表头须包含“支付参考号”和“处理结果”两列',
      en: 'The return file header needs the columns "支付参考号" (payment reference) and "处理结果" (result)',
    },
  },
  'bankReturn.empty': { status: 400, message: { zh: '回盘文件没有数据行', en: 'The return file has no data rows' } },
  'bankReturn.invalidRows': {
    status: 400,
    message: {
      zh: '回盘文件有错误行，本次未做任何更改；请按明细修改后重新导入',
      en: 'The return file has rows with errors and nothing was changed; fix the rows listed and import it again',
    },
  },
  'bankReturn.alreadyImported': {
    status: 409,
    message: {
      zh: '该回盘文件已导入过，本次未做任何更改',
      en: 'This return file was imported before; nothing was changed',
    },
  },
  'bankReturn.conflict': {
    status: 409,
    message: {
      zh: '导入期间发放记录被其他操作更改，本次未做任何更改，请重新导入',
      en: 'Payments changed while the file was imported; nothing was changed, import it again',
    },
  },
});

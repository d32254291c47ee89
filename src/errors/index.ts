export { INTERNAL_ERROR, UNAVAILABLE, rejectedApiError, toApiError, validationError } from './api'
export {
  CommentRejected,
  ERROR_STATUS,
  type ApiError,
  type CommentErrorCode,
  type CommentRuleCode,
  type ErrorCode,
  type ErrorStatus,
  type FieldsError,
} from './codes'
export { READ_FAILED, tryRead, type ReadFailed } from './d1-read'

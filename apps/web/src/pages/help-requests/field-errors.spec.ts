import { ApiError, toApiError } from '../../api/api-error';
import { fieldErrors, missingItems } from './field-errors';

describe('the api’s field errors in a form', () => {
  it('puts each part of a 400 under the field it names', () => {
    const error = toApiError(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'nationalId has a wrong check digit; household.1.nationalId must be 10 digits',
        fields: ['nationalId', 'household'],
      },
      400,
    );
    expect(fieldErrors(error)).toEqual({
      nationalId: 'nationalId has a wrong check digit',
      'household.1.nationalId': 'household.1.nationalId must be 10 digits',
    });
  });

  it('ignores errors that are not about the input', () => {
    expect(fieldErrors(new ApiError(409, 'Conflict', 'ticket 1447-000001 already has a help request'))).toEqual({});
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });

  it('reads the list of what is missing from a 422', () => {
    const error = toApiError(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'not ready for the committee',
        missing: [{ code: 'declaration_missing', message: 'x' }],
      },
      422,
    );
    expect(missingItems(error)).toEqual([{ code: 'declaration_missing', message: 'x' }]);
    expect(missingItems(new ApiError(400, 'Bad Request', 'x'))).toBeNull();
  });
});

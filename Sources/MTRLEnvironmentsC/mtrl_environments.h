/* mtrl_environments.h: the C interface of libMTRLEnvironmentsC (Sources/MTRLEnvironmentsC).
 *
 * A handle holds rows of tabletop task environments, copy-major: with K tasks and N copies, row
 * c * K + k is copy c of task k. Every function returns 0 on success, 1 for an invalid argument (null
 * handle or pointer, wrong row count, unknown task, index out of range) or 2 for a NaN or infinite
 * action; after a non-zero return, mtrl_last_error gives a readable message. No call traps on bad input.
 * Buffers are caller-owned and row-major: observations rows x observation_size floats, actions rows x 4
 * floats, rewards rows doubles, successes and truncated rows bytes (0 or 1). A handle is used by one
 * thread at a time; the last error message is one per process.
 */
#ifndef MTRL_ENVIRONMENTS_H
#define MTRL_ENVIRONMENTS_H
#include <stdint.h>

/* tasks / task_ids: "mt10", "mt50", "all", "mt1:<task>", a task name, or names separated by commas.
 * task_ids NULL or "" appends no one-hot id. Rows start reset. */
int32_t mtrl_create(const char *tasks, const char *task_ids, uint64_t seed, int32_t fixed_layouts,
                    int64_t horizon, int64_t copies, void **handle);
int32_t mtrl_close(void *handle);
/* counts[5] = rows, observation size, tasks per copy, horizon, layouts per task. */
int32_t mtrl_shape(void *handle, int64_t *counts);
int32_t mtrl_task_name(void *handle, int64_t row, char *buffer, int64_t capacity);
int32_t mtrl_list_tasks(const char *list, char *buffer, int64_t capacity, int64_t *length);
/* seeds and mask may be NULL (no reseeding; every row). */
int32_t mtrl_reset(void *handle, const uint64_t *seeds, const uint8_t *mask, int64_t rows, float *observations);
int32_t mtrl_reset_layout(void *handle, int64_t row, int64_t layout, float *observation);
/* skip may be NULL (step every row); skipped rows' outputs are untouched. */
int32_t mtrl_step(void *handle, const float *actions, const uint8_t *skip, int64_t rows, float *observations,
                  double *rewards, uint8_t *successes, uint8_t *truncated);
int32_t mtrl_expert_actions(void *handle, const float *observations, int64_t rows, float *actions);
int64_t mtrl_last_error(char *buffer, int64_t capacity);

#endif

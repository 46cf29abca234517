#include "config.h"
/*
 * session_flow: what one screen hands on to the next, so nobody types an
 * answer twice.  The interview asks for the delivery the team aims at
 * (deployment cadence, acceptable lead time, acceptable change failure
 * rate); the metrics screen starts from those answers as the 6-month
 * targets of the DORA keys, until someone types a target of their own.
 *
 * The interview's cadence choices become deploys per week the way
 * data/metrics.yaml counts them (daily = 7, weekly = 1, monthly = 7/30 =
 * 0.23); "several times a day" and "on demand" are taken as twice a day
 * (14), the least that still reads as several a day.
 */

#include <stdio.h>
#include <string.h>

#include "content/content.h"
#include "engine/dora.h"
#include "session/session_int.h"
#include "util/i18n.h"
#include "util/num.h"

struct choice_value {
	const char *option;
	double value;
};

static const struct seed {
	const char *metric;        /* the DORA key's id in data/metrics.yaml */
	const char *question;      /* the interview question that answers it */
	struct choice_value choices[6];   /* for a choice question */
} seeds[] = {
	{ "deploy_freq", "deploy_frequency",
	  { { "monthly", 0.23 }, { "weekly", 1 }, { "daily", 7 },
	    { "multiple_daily", 14 }, { "on_demand", 14 } } },
	{ "lead_time", "lead_time_target", { { NULL, 0 } } },
	{ "change_fail", "change_fail_target", { { NULL, 0 } } },
};

/* The value an answer gives a seed's metric; false when it gives none. */
static bool seed_value(const struct seed *sd, const struct answer *an,
		       double *v)
{
	if (!an)
		return false;
	if (an->value.kind == VAL_NUMBER && !sd->choices[0].option) {
		*v = an->value.number;
		return true;
	}
	for (size_t i = 0; an->value.kind == VAL_TEXT && i < 6 &&
	     sd->choices[i].option; i++)
		if (str_eq(an->value.text, sd->choices[i].option)) {
			*v = sd->choices[i].value;
			return true;
		}
	return false;
}

bool session_metric_from_interview(const struct session *s,
				   const struct metric *m,
				   struct sess_from_interview *out)
{
	memset(out, 0, sizeof(*out));
	if (!s->d || !m)
		return false;
	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		const struct seed *sd = &seeds[i];
		const struct answer *an;
		const struct metric_def *md;

		if (!str_eq(sd->metric, m->key))
			continue;
		an = wsdata_answer(s->d, sd->question);
		if (!seed_value(sd, an, &out->value))
			return false;
		out->question = s->k ? knowledge_question(s->k, sd->question)
				     : NULL;
		out->answer = an;
		out->when = SESS_6M;
		/* What someone typed stays: the answer only fills a gap. */
		out->typed = m->has_target_6m;
		md = s->k ? knowledge_metric(s->k, m->key) : NULL;
		out->band = md ? dora_band(md, out->value) : BAND_NONE;
		return true;
	}
	return false;
}

int session_metrics_take_interview(struct session *s, struct sess_result *r)
{
	struct sess_result one = { 0 };
	size_t done = 0;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	sess_group_begin(s);
	for (size_t i = 0; i < s->d->n_metrics; i++) {
		const struct metric *m = &s->d->metrics[i];
		struct sess_from_interview fi;
		char v[NUM_BUF], label[200];

		if (!session_metric_from_interview(s, m, &fi) || fi.typed)
			continue;
		str_number(v, sizeof(v), fi.value);
		snprintf(label, sizeof(label), _("the 6-month target of %s"),
			 m->name ? m->name : m->key);
		session_set_field(s, &(struct sess_edit){
			.table = "metric", .field = "target_6m", .id = m->id,
			.version = m->version, .base = "", .value = v,
			.label = label }, &one);
		if (!sess_ok(&one)) {
			sess_group_end(s);
			*r = one;
			r->count = done;
			return r->code;
		}
		if (one.status == SESS_SAVED)
			done++;
		sess_result_clear(&one);
	}
	sess_group_end(s);
	r->status = done ? SESS_SAVED : SESS_UNCHANGED;
	r->count = done;
	return ST_OK;
}

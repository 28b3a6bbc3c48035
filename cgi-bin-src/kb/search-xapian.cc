/*
 * The knowledge base's search index: a Xapian database in a local
 * directory, one per application host, shared by the kb processes there.
 * search-index.c decides when to read and when to write it and feeds it
 * from MariaDB; this file only speaks Xapian, behind a C interface
 * (kb.h, kb_xi_*), and lets no C++ exception out.
 *
 * A document is one published text of an article:
 *   terms      the words of title, summary and body, stemmed with the
 *              text's language's Snowball stemmer ("Z" prefix; no
 *              positions: there is no phrase search); the title's words
 *              once more with the prefix "ZS", so that a title match
 *              weighs more (the query scales them by 3);
 *   filters    "I<article id>" (all texts of an article, to replace them),
 *              "A<audience>", "F<lang>:<audience>" (one list for the
 *              usual filter, cheaper than two), "C<category id>",
 *              "T<tag>";
 *   value 0    the article id, to list an article once ("all languages");
 *   data       "<article id> <lang>".
 * Metadata: "generation" (the database's kb_search_state row: a new
 * database is a new index), "seq" (the kb_search_changes row the index
 * has caught up with) and "build" (the next article id while it is being
 * built from scratch; empty when done).
 */
#include <xapian.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

extern "C" {
#include "search-xapian.h"
}

namespace {

Xapian::Database *reader;
Xapian::WritableDatabase *writer;
std::string where;
char last_error[256];

void
remember(const char *what, const Xapian::Error &e)
{
	snprintf(last_error, sizeof(last_error), "%s: %s", what, e.get_description().c_str());
}

const char *
stemmer_name(const char *lang)
{
	if (strcmp(lang, "de") == 0)
		return "german";
	if (strcmp(lang, "en") == 0)
		return "english";
	return "none";
}

}	// namespace

/* Close the writer without committing (what was added since the last commit is dropped). */
extern "C" void
kb_xi_abort(void)
{
	try {
		if (writer != nullptr)
			writer->close();
	} catch (const Xapian::Error &) {
	}
	delete writer;
	writer = nullptr;
}

extern "C" const char *
kb_xi_error(void)
{
	return last_error;
}

extern "C" void
kb_xi_close(void)
{
	kb_xi_abort();
	delete reader;
	reader = nullptr;
}

extern "C" int
kb_xi_open(const char *dir)
{
	if (reader != nullptr && where == dir) {
		try {
			reader->reopen();
			return 0;
		} catch (const Xapian::Error &e) {
			remember("reopen", e);
			delete reader;
			reader = nullptr;
		}
	}
	delete reader;
	reader = nullptr;
	where = dir;
	try {
		reader = new Xapian::Database(dir);
		return 0;
	} catch (const Xapian::Error &e) {
		remember("open", e);
		return -1;
	}
}

extern "C" int
kb_xi_meta(const char *key, char *out, size_t size)
{
	Xapian::Database *db = writer != nullptr ? writer : reader;

	out[0] = '\0';
	if (db == nullptr)
		return -1;
	try {
		snprintf(out, size, "%s", db->get_metadata(key).c_str());
		return 0;
	} catch (const Xapian::Error &e) {
		remember("metadata", e);
		return -1;
	}
}

extern "C" int
kb_xi_begin(const char *dir, int fresh)
{
	if (writer != nullptr)
		return 0;
	try {
		writer = new Xapian::WritableDatabase(dir, (fresh ? Xapian::DB_CREATE_OR_OVERWRITE :
		    Xapian::DB_CREATE_OR_OPEN) | Xapian::DB_NO_SYNC);
		return 0;
	} catch (const Xapian::DatabaseLockError &) {
		return 1;
	} catch (const Xapian::Error &e) {
		remember("open for writing", e);
		return -1;
	}
}

extern "C" int
kb_xi_set_meta(const char *key, const char *value)
{
	try {
		writer->set_metadata(key, value);
		return 0;
	} catch (const Xapian::Error &e) {
		remember("set metadata", e);
		return -1;
	}
}

extern "C" int
kb_xi_delete_article(long long id)
{
	try {
		writer->delete_document("I" + std::to_string(id));
		return 0;
	} catch (const Xapian::Error &e) {
		remember("delete", e);
		return -1;
	}
}

extern "C" int
kb_xi_add(const struct kb_xi_doc *d)
{
	try {
		Xapian::Document doc;
		Xapian::TermGenerator tg;
		std::string id = std::to_string(d->article_id);

		tg.set_stemmer(Xapian::Stem(stemmer_name(d->lang)));
		tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
		tg.set_document(doc);
		tg.index_text_without_positions(d->title);
		tg.index_text_without_positions(d->summary);
		tg.index_text_without_positions(d->body);
		tg.index_text_without_positions(d->title, 1, "S");
		doc.add_boolean_term("I" + id);
		doc.add_boolean_term(std::string("A") + d->audience);
		doc.add_boolean_term(std::string("F") + d->lang + ":" + d->audience);
		doc.add_boolean_term("C" + std::to_string(d->category_id));
		for (const char *t = d->tags; t != nullptr && *t != '\0';) {
			const char *end = strchr(t, '\x1f');
			size_t n = end != nullptr ? (size_t)(end - t) : strlen(t);

			if (n > 0 && n < 200)
				doc.add_boolean_term("T" + std::string(t, n));
			t = end != nullptr ? end + 1 : t + n;
		}
		doc.add_value(0, id);
		doc.set_data(id + " " + d->lang);
		writer->add_document(doc);
		return 0;
	} catch (const Xapian::Error &e) {
		remember("add", e);
		return -1;
	}
}

extern "C" int
kb_xi_commit(void)
{
	int rc = 0;

	try {
		writer->commit();
	} catch (const Xapian::Error &e) {
		remember("commit", e);
		rc = -1;
	}
	kb_xi_abort();
	return rc;
}

namespace {

Xapian::Query
word_query(const char *w, const char *lang)
{
	static const char *const langs[] = { "en", "de" };
	Xapian::Query body, title;
	std::string done;

	/* The word's stem in the language searched, or in each. */
	for (const char *l : langs) {
		if (*lang != '\0' && strcmp(lang, l) != 0)
			continue;
		std::string s = Xapian::Stem(stemmer_name(l))(w);

		if (s.empty() || s == done)
			continue;
		done = s;
		body = body.empty() ? Xapian::Query("Z" + s) :
		    Xapian::Query(Xapian::Query::OP_OR, body, Xapian::Query("Z" + s));
		title = title.empty() ? Xapian::Query("ZS" + s) :
		    Xapian::Query(Xapian::Query::OP_OR, title, Xapian::Query("ZS" + s));
	}
	if (body.empty()) {
		body = Xapian::Query("Z" + std::string(w));
		title = Xapian::Query("ZS" + std::string(w));
	}
	return Xapian::Query(Xapian::Query::OP_OR, body,
	    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, 3.0));
}

Xapian::Query
any_of(const char *prefix, const char *const *v, size_t n)
{
	Xapian::Query q;

	for (size_t i = 0; i < n; i++) {
		Xapian::Query t(prefix + std::string(v[i]));

		q = q.empty() ? t : Xapian::Query(Xapian::Query::OP_OR, q, t);
	}
	return q.empty() ? Xapian::Query::MatchNothing : q;
}

}	// namespace

extern "C" int
kb_xi_search(const struct kb_xi_query *q, struct kb_xi_result *r)
{
	memset(r, 0, sizeof(*r));
	if (reader == nullptr)
		return -1;
	for (int attempt = 0; attempt < 3; attempt++) {
		try {
			Xapian::Query words, filter;

			for (size_t i = 0; i < q->nwords; i++) {
				Xapian::Query w = word_query(q->words[i], q->lang);

				words = words.empty() ? w : Xapian::Query(q->any_word ?
				    Xapian::Query::OP_OR : Xapian::Query::OP_AND, words, w);
			}
			if (words.empty())
				return 0;
			filter = any_of(*q->lang != '\0' ? ("F" + std::string(q->lang) + ":").c_str() :
			    "A", q->audiences, q->naudiences);
			if (q->categories != nullptr)
				filter = Xapian::Query(Xapian::Query::OP_FILTER, filter,
				    any_of("C", q->categories, q->ncategories));
			if (*q->tag != '\0')
				filter = Xapian::Query(Xapian::Query::OP_FILTER, filter,
				    Xapian::Query("T" + std::string(q->tag)));

			Xapian::Enquire enquire(*reader);
			/*
			 * BM25 without length normalisation (b = 0): a text's length
			 * is then never read, which halves the work for a common word,
			 * and the title weight keeps short, to-the-point texts first.
			 */
			enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0, 0.5));
			enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words, filter));
			/* One text per article and language: collapse only across languages. */
			if (*q->lang == '\0')
				enquire.set_collapse_key(0);
			enquire.set_docid_order(Xapian::Enquire::DESCENDING);
			Xapian::MSet m = enquire.get_mset((Xapian::doccount)q->offset,
			    (Xapian::doccount)q->limit, (Xapian::doccount)q->check_at_least);
			size_t n = 0;

			for (Xapian::MSetIterator it = m.begin(); it != m.end() && n < KB_XI_MAX; ++it) {
				std::string data = it.get_document().get_data();
				long long id;
				char lang[3];

				if (sscanf(data.c_str(), "%lld %2s", &id, lang) != 2)
					continue;
				r->id[n] = id;
				memcpy(r->lang[n], lang, sizeof(lang));
				n++;
			}
			r->n = n;
			/*
			 * Fewer matches than it had to check: it saw them all, and the
			 * lower bound is the count (collapsing leaves the upper bound
			 * and the estimate loose).
			 */
			if (m.get_matches_lower_bound() < (Xapian::doccount)q->check_at_least ||
			    m.get_matches_lower_bound() == m.get_matches_upper_bound()) {
				r->total = (long long)m.get_matches_lower_bound();
				r->exact = 1;
			} else {
				r->total = (long long)m.get_matches_estimated();
				r->exact = 0;
			}
			return 0;
		} catch (const Xapian::DatabaseModifiedError &e) {
			remember("search", e);
			try {
				reader->reopen();
			} catch (const Xapian::Error &) {
			}
		} catch (const Xapian::Error &e) {
			remember("search", e);
			return -1;
		}
	}
	return -1;
}

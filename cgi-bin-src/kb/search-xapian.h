/*
 * The Xapian side of the search index (search-xapian.cc), for C.  Every
 * function returns 0 when it worked and -1 on an error (kb_xi_error says
 * which); kb_xi_begin returns 1 when another process writes the index.
 */
#ifndef KB_SEARCH_XAPIAN_H
#define KB_SEARCH_XAPIAN_H

#include <stddef.h>

#define KB_XI_MAX 10

struct kb_xi_doc {
	long long	 article_id;
	const char	*lang;
	const char	*audience;
	long long	 category_id;
	const char	*title;
	const char	*summary;
	const char	*body;
	const char	*tags;		/* lower case, separated by 0x1f */
};

struct kb_xi_query {
	const char *const *words;	/* lower case */
	size_t		 nwords;
	const char	*lang;		/* "" = every language */
	const char *const *audiences;	/* "public", "customer", ... */
	size_t		 naudiences;
	const char *const *categories;	/* ids as text; NULL = every category */
	size_t		 ncategories;
	const char	*tag;		/* lower case; "" = any */
	long long	 offset;
	long long	 limit;		/* at most KB_XI_MAX */
	long long	 check_at_least;	/* counted exactly up to this many */
	int		 any_word;	/* 1: a text with any of the words matches */
};

struct kb_xi_result {
	size_t		 n;
	long long	 id[KB_XI_MAX];
	char		 lang[KB_XI_MAX][3];
	long long	 total;
	int		 exact;		/* 0: total is an estimate */
};

const char *kb_xi_error(void);
int	 kb_xi_open(const char *dir);
void	 kb_xi_close(void);
int	 kb_xi_meta(const char *key, char *out, size_t size);
int	 kb_xi_search(const struct kb_xi_query *, struct kb_xi_result *);
int	 kb_xi_begin(const char *dir, int fresh);
int	 kb_xi_set_meta(const char *key, const char *value);
int	 kb_xi_delete_article(long long id);
int	 kb_xi_add(const struct kb_xi_doc *);
int	 kb_xi_commit(void);
void	 kb_xi_abort(void);

#endif

<?xml version="1.0" encoding="UTF-8"?>
<!-- Create an article, or edit its text in one language and its metadata
     (view "editor-form"): the form with Preview and Save, the sanitised
     preview below it (and, with htdocs/js/kb-editor.js, a live one beside
     the body), the related articles found by title, and for an existing
     article its workflow and attachments. Data: kb-article-form (mode
     new|edit) and form kb-article. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="pt exsl">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="editor-common.xsl"/>
  <xsl:include href="../common/table.xsl"/>

  <xsl:variable name="f" select="/page/kb-article-form"/>
  <xsl:variable name="values" select="/page/form[@name = 'kb-article']"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$f/@mode = 'new'"><xsl:value-of select="pt:t('kb.editor.new')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="kb-fill">
          <xsl:with-param name="key" select="'kb.editor.edit.title'"/>
          <xsl:with-param name="name" select="'title'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="string($f/@title) != ''"><xsl:value-of select="$f/@title"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$f/@slug"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/kb/editor"><xsl:value-of select="pt:t('kb.editor.back')"/></a></p>
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <xsl:if test="$f/@mode = 'edit'">
          <p class="lead kb-meta">
            <xsl:call-template name="kb-status"><xsl:with-param name="status" select="string($f/@status)"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <span><xsl:value-of select="pt:t('kb.editor.updated')"/><xsl:text>: </xsl:text>
              <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($f/@updated)"/><xsl:with-param name="style" select="'relative'"/></xsl:call-template>
            </span>
          </p>
        </xsl:if>
      </div>
      <xsl:if test="$f/@mode = 'edit' and $f/@status = 'published'">
        <p class="admin-actions">
          <a class="btn btn-secondary" href="/kb/articles/{$f/@id}"><xsl:value-of select="pt:t('kb.editor.view-published')"/></a>
        </p>
      </xsl:if>
    </div>

    <xsl:if test="$f/@mode = 'edit'">
      <nav class="kb-langs" aria-label="{pt:t('kb.editor.languages')}">
        <ul>
          <xsl:for-each select="$f/languages/language">
            <li>
              <a href="{$f/@base}?lang={@code}" lang="{@code}">
                <xsl:if test="@code = $f/@lang"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('lang.', @code))"/>
              </a>
              <xsl:if test="@has-text = '0'">
                <xsl:text> </xsl:text><span class="kb-missing"><xsl:value-of select="pt:t('kb.editor.lang.missing')"/></span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
      <xsl:call-template name="kb-article-tabs">
        <xsl:with-param name="base" select="$f/@base"/>
        <xsl:with-param name="lang" select="$f/@lang"/>
        <xsl:with-param name="current" select="'edit'"/>
      </xsl:call-template>
    </xsl:if>

    <div>
      <!-- A new article has no side cards: the form takes the width. -->
      <xsl:attribute name="class">
        <xsl:text>kb-editor-grid</xsl:text>
        <xsl:if test="$f/@mode = 'new'"> kb-editor-solo</xsl:if>
      </xsl:attribute>
      <section class="card kb-editor-main" aria-labelledby="text-title">
        <h2 id="text-title">
          <xsl:choose>
            <xsl:when test="$f/@mode = 'edit'">
              <xsl:call-template name="kb-fill">
                <xsl:with-param name="key" select="'kb.editor.text-in'"/>
                <xsl:with-param name="name" select="'lang'"/>
                <xsl:with-param name="value" select="pt:t(concat('lang.', $f/@lang))"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('kb.editor.text')"/></xsl:otherwise>
          </xsl:choose>
        </h2>
        <form class="form kb-form" method="post" novalidate="novalidate">
          <!-- multipart: bounded by [limits] upload_bytes, room for a 200 KB body -->
          <xsl:attribute name="action">
            <xsl:choose>
              <xsl:when test="$f/@mode = 'edit'"><xsl:value-of select="concat($f/@base, '?lang=', $f/@lang)"/></xsl:when>
              <xsl:otherwise>/kb/editor/new</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:attribute name="enctype">multipart/form-data</xsl:attribute>
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <!-- The default button (Enter in a field) stays Preview, not the
               Find of the related articles further down; never shown, so
               not a <button> that scripts and tests would take for one. -->
          <input type="submit" name="action" value="preview" class="kb-default-submit"/>
          <xsl:choose>
            <xsl:when test="$f/@mode = 'new'">
              <xsl:call-template name="select-field">
                <xsl:with-param name="name" select="'lang'"/>
                <xsl:with-param name="label-key" select="'kb.editor.language'"/>
                <xsl:with-param name="options">
                  <xsl:for-each select="$f/languages/language">
                    <option value="{@code}"><xsl:value-of select="pt:t(concat('lang.', @code))"/></option>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <input type="hidden" name="lang" value="{$f/@lang}"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'title'"/>
            <xsl:with-param name="label-key" select="'kb.editor.title'"/>
            <xsl:with-param name="required" select="1"/>
          </xsl:call-template>
          <xsl:call-template name="textarea-field">
            <xsl:with-param name="name" select="'summary'"/>
            <xsl:with-param name="label-key" select="'kb.editor.summary'"/>
            <xsl:with-param name="rows" select="3"/>
          </xsl:call-template>
          <xsl:variable name="format" select="string($values/field[@name = 'format'])"/>
          <xsl:call-template name="select-field">
            <xsl:with-param name="name" select="'format'"/>
            <xsl:with-param name="label-key" select="'kb.editor.format'"/>
            <xsl:with-param name="options">
              <option value="markdown"><xsl:value-of select="pt:t('kb.editor.format.markdown')"/></option>
              <option value="xhtml"><xsl:value-of select="pt:t('kb.editor.format.xhtml')"/></option>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:if test="$f/@mode = 'edit' and $f/@stored-format = 'xhtml'">
            <p class="hint kb-format-note"><xsl:value-of select="pt:t('kb.editor.format.switch')"/></p>
          </xsl:if>
          <xsl:variable name="body-hint">
            <xsl:choose>
              <xsl:when test="$format = 'xhtml'">kb.editor.body.hint.xhtml</xsl:when>
              <xsl:otherwise>kb.editor.body.hint.markdown</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <div class="kb-body-pair">
            <xsl:call-template name="textarea-field">
              <xsl:with-param name="name" select="'body'"/>
              <xsl:with-param name="label-key" select="'kb.editor.body'"/>
              <xsl:with-param name="rows" select="18"/>
              <xsl:with-param name="hint-key" select="string($body-hint)"/>
              <xsl:with-param name="class" select="'kb-body-input'"/>
              <xsl:with-param name="required" select="1"/>
            </xsl:call-template>
            <!-- Shown and kept up to date by kb-editor.js; without it, Preview below. -->
            <section class="kb-live" id="kb-live" hidden="hidden" aria-labelledby="kb-live-title"
                tabindex="0" data-preview="/kb/editor/preview" data-failed="{pt:t('kb.editor.live.failed')}">
              <h3 id="kb-live-title"><xsl:value-of select="pt:t('kb.editor.live')"/></h3>
              <p class="hint kb-live-status" id="kb-live-status" aria-live="polite"></p>
              <div class="kb-body kb-live-body" lang="{$f/@lang}"></div>
            </section>
          </div>

          <fieldset class="kb-fieldset">
            <legend><xsl:value-of select="pt:t('kb.editor.metadata')"/></legend>
            <xsl:call-template name="select-field">
              <xsl:with-param name="name" select="'category'"/>
              <xsl:with-param name="label-key" select="'kb.editor.category'"/>
              <xsl:with-param name="options">
                <option value=""><xsl:value-of select="pt:t('kb.editor.choose')"/></option>
                <xsl:for-each select="$f/categories/category">
                  <option value="{@id}">
                    <xsl:if test="@parent">&#8212; </xsl:if>
                    <xsl:value-of select="."/>
                  </option>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:apply-templates select="$f/category-hidden"/>
            <xsl:call-template name="text-field">
              <xsl:with-param name="name" select="'slug'"/>
              <xsl:with-param name="label-key" select="'kb.editor.slug'"/>
              <xsl:with-param name="hint-key" select="'kb.editor.slug.hint'"/>
              <xsl:with-param name="required" select="1"/>
            </xsl:call-template>
            <xsl:call-template name="select-field">
              <xsl:with-param name="name" select="'audience'"/>
              <xsl:with-param name="label-key" select="'kb.editor.audience'"/>
              <xsl:with-param name="options">
                <option value="public"><xsl:value-of select="pt:t('kb.editor.audience.public')"/></option>
                <option value="customer"><xsl:value-of select="pt:t('kb.editor.audience.customer')"/></option>
                <option value="partner"><xsl:value-of select="pt:t('kb.editor.audience.partner')"/></option>
                <option value="internal"><xsl:value-of select="pt:t('kb.editor.audience.internal')"/></option>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="text-field">
              <xsl:with-param name="name" select="'tags'"/>
              <xsl:with-param name="label-key" select="'kb.editor.tags'"/>
              <xsl:with-param name="max" select="1500"/>
              <xsl:with-param name="hint-key" select="'kb.editor.tags.hint'"/>
            </xsl:call-template>
          </fieldset>
          <xsl:call-template name="related"/>

          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'note'"/>
            <xsl:with-param name="label-key" select="'kb.editor.note'"/>
            <xsl:with-param name="hint-key" select="'kb.editor.note.hint'"/>
          </xsl:call-template>

          <div class="kb-form-actions">
            <button type="submit" name="action" value="preview" class="btn btn-secondary"><xsl:value-of select="pt:t('kb.editor.preview')"/></button>
            <button type="submit" name="action" value="save" class="btn btn-primary"><xsl:value-of select="pt:t('kb.editor.save')"/></button>
          </div>
        </form>
      </section>

      <xsl:if test="$f/@mode = 'edit'">
        <div class="kb-editor-side">
          <xsl:call-template name="workflow"/>
          <xsl:call-template name="attachments"/>
        </div>
      </xsl:if>
    </div>

    <xsl:apply-templates select="$f/preview"/>
  </xsl:template>

  <!-- The sanitised preview: exactly what will be stored. -->
  <xsl:template match="preview">
    <section class="card kb-preview" aria-labelledby="preview-title">
      <h2 id="preview-title"><xsl:value-of select="pt:t('kb.editor.preview.title')"/></h2>
      <p class="hint"><xsl:value-of select="pt:t('kb.editor.preview.hint')"/></p>
      <article class="kb-preview-article" lang="{$f/@lang}">
        <p class="kb-preview-heading"><strong><xsl:value-of select="title"/></strong></p>
        <xsl:if test="string(summary) != ''">
          <p class="lead"><xsl:value-of select="summary"/></p>
        </xsl:if>
        <div class="kb-body"><xsl:apply-templates select="body/node()" mode="pt-rich-text"/></div>
      </article>
    </section>
  </xsl:template>

  <!-- The category is for fewer readers than the article (editor.c). -->
  <xsl:template match="category-hidden">
    <p class="kb-warning" id="category-warning">
      <xsl:call-template name="pt-replace">
        <xsl:with-param name="text">
          <xsl:call-template name="kb-fill">
            <xsl:with-param name="key" select="'kb.editor.category.hidden'"/>
            <xsl:with-param name="name" select="'category'"/>
            <xsl:with-param name="value" select="string(.)"/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="name" select="'audience'"/>
        <xsl:with-param name="value" select="pt:t(concat('kb.editor.audience.', @audience))"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- Related articles: the chosen ones as ticked boxes (untick to remove),
       a search by title (Find re-shows the form with what matched;
       kb-editor.js suggests as one types), what was found as boxes to tick. -->
  <xsl:template name="related">
    <fieldset class="kb-fieldset kb-related" id="related">
      <legend><xsl:value-of select="pt:t('kb.editor.related')"/></legend>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'related'"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$f/related/article">
          <p class="hint" id="related-hint"><xsl:value-of select="pt:t('kb.editor.related.hint')"/></p>
          <ul class="kb-related-list" id="related-chosen">
            <xsl:for-each select="$f/related/article">
              <xsl:call-template name="related-item"><xsl:with-param name="checked" select="1"/></xsl:call-template>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="hint" id="related-hint"><xsl:value-of select="pt:t('kb.editor.related.none')"/></p>
          <ul class="kb-related-list" id="related-chosen"></ul>
        </xsl:otherwise>
      </xsl:choose>
      <div class="field kb-related-search">
        <label for="related_q"><xsl:value-of select="pt:t('kb.editor.related.find')"/></label>
        <div class="kb-find-row">
          <input id="related_q" name="related_q" type="search" autocomplete="off"
              value="{$values/field[@name = 'related_q']}" data-titles="/kb/editor/titles"
              data-exclude="{$f/@id}" aria-describedby="related-hint">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'related_q'"/></xsl:call-template>
          </input>
          <!-- The answer opens at the results (#related), not at the top. -->
          <button type="submit" name="action" value="find" class="btn btn-secondary">
            <xsl:attribute name="formaction">
              <xsl:choose>
                <xsl:when test="$f/@mode = 'edit'"><xsl:value-of select="concat($f/@base, '?lang=', $f/@lang, '#related')"/></xsl:when>
                <xsl:otherwise>/kb/editor/new#related</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:value-of select="pt:t('kb.editor.related.find-button')"/>
          </button>
        </div>
        <ul class="kb-suggestions" id="related-suggestions" hidden="hidden"
            aria-label="{pt:t('kb.editor.related.suggestions')}" data-add="{pt:t('kb.editor.related.add')}"></ul>
      </div>
      <xsl:if test="$f/related-found">
        <div class="kb-related-found" role="status">
          <xsl:choose>
            <xsl:when test="$f/related-found/article">
              <p>
                <xsl:call-template name="kb-fill">
                  <xsl:with-param name="key" select="'kb.editor.related.found'"/>
                  <xsl:with-param name="name" select="'q'"/>
                  <xsl:with-param name="value" select="$f/related-found/@q"/>
                </xsl:call-template>
              </p>
              <ul class="kb-related-list">
                <xsl:for-each select="$f/related-found/article">
                  <xsl:call-template name="related-item"><xsl:with-param name="checked" select="0"/></xsl:call-template>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise>
              <p>
                <xsl:call-template name="kb-fill">
                  <xsl:with-param name="key" select="'kb.editor.related.not-found'"/>
                  <xsl:with-param name="name" select="'q'"/>
                  <xsl:with-param name="value" select="$f/related-found/@q"/>
                </xsl:call-template>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <xsl:template name="related-item">
    <xsl:param name="checked"/>
    <li>
      <input type="checkbox" name="related" value="{@id}" id="related-{@id}">
        <xsl:if test="$checked = 1"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label for="related-{@id}">
        <xsl:value-of select="title"/>
        <xsl:if test="@status != 'published'">
          <xsl:text> </xsl:text>
          <xsl:call-template name="kb-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template>
        </xsl:if>
      </label>
    </li>
  </xsl:template>

  <xsl:template name="workflow">
    <section class="card kb-workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title"><xsl:value-of select="pt:t('kb.editor.workflow')"/></h2>
      <p>
        <xsl:value-of select="pt:t('kb.editor.status')"/><xsl:text>: </xsl:text>
        <xsl:call-template name="kb-status"><xsl:with-param name="status" select="string($f/@status)"/></xsl:call-template>
      </p>
      <xsl:if test="$f/@published">
        <p class="hint">
          <xsl:value-of select="pt:t('kb.editor.published-at')"/><xsl:text>: </xsl:text>
          <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($f/@published)"/></xsl:call-template>
        </p>
      </xsl:if>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'to'"/></xsl:call-template>
      <div class="kb-transitions">
        <xsl:for-each select="$f/transitions/transition[@to != 'archived']">
          <form method="post" action="{$f/@base}/state" class="inline-form">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="lang" value="{$f/@lang}"/>
            <input type="hidden" name="to" value="{@to}"/>
            <button type="submit">
              <xsl:attribute name="class">
                <xsl:choose>
                  <xsl:when test="@to = 'published'">btn btn-primary</xsl:when>
                  <xsl:otherwise>btn btn-secondary</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:value-of select="pt:t(concat('kb.editor.to.', $f/@status, '.', @to))"/>
            </button>
          </form>
        </xsl:for-each>
      </div>
      <!-- Archiving takes the article from every reader: apart, and asked first. -->
      <xsl:if test="$f/transitions/transition[@to = 'archived']">
        <div class="kb-danger-zone">
          <p class="hint" id="archive-hint"><xsl:value-of select="pt:t('kb.editor.archive.hint')"/></p>
          <form method="get" action="{$f/@base}/archive" class="inline-form">
            <input type="hidden" name="lang" value="{$f/@lang}"/>
            <button type="submit" class="btn btn-danger" aria-describedby="archive-hint">
              <xsl:value-of select="pt:t('kb.editor.archive')"/>
            </button>
          </form>
        </div>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="attachments">
    <section class="card kb-attachments" aria-labelledby="files-title">
      <h2 id="files-title"><xsl:value-of select="pt:t('kb.editor.files')"/></h2>
      <xsl:choose>
        <xsl:when test="$f/attachments/file">
          <ul class="kb-file-list">
            <xsl:for-each select="$f/attachments/file">
              <li>
                <a href="{@href}"><xsl:value-of select="."/></a>
                <span class="kb-file-meta">
                  <xsl:value-of select="substring-before(concat(@type, ';'), ';')"/>
                  <xsl:text>, </xsl:text>
                  <xsl:call-template name="size"><xsl:with-param name="bytes" select="@size"/></xsl:call-template>
                </span>
                <code class="kb-file-ref"><xsl:value-of select="@href"/></code>
                <form method="post" action="/kb/editor/attachments/{@id}/delete" class="inline-form">
                  <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                  <input type="hidden" name="lang" value="{$f/@lang}"/>
                  <button type="submit" class="btn btn-danger kb-small">
                    <xsl:value-of select="pt:t('kb.editor.file.delete')"/>
                    <span class="visually-hidden"><xsl:text>: </xsl:text><xsl:value-of select="."/></span>
                  </button>
                </form>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="hint"><xsl:value-of select="pt:t('kb.editor.files.none')"/></p></xsl:otherwise>
      </xsl:choose>
      <form method="post" action="{$f/@base}/attachments?lang={$f/@lang}" enctype="multipart/form-data" class="form kb-upload">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <label for="file"><xsl:value-of select="pt:t('kb.editor.file')"/></label>
          <p class="hint" id="file-hint"><xsl:value-of select="pt:t('kb.editor.file.hint')"/></p>
          <input type="file" id="file" name="file" aria-describedby="file-hint"
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain"/>
        </div>
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('kb.editor.file.upload')"/></button>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="size">
    <xsl:param name="bytes"/>
    <xsl:choose>
      <xsl:when test="$bytes &gt;= 1048576"><xsl:value-of select="format-number($bytes div 1048576, '0.0')"/> MB</xsl:when>
      <xsl:when test="$bytes &gt;= 1024"><xsl:value-of select="format-number($bytes div 1024, '0')"/> KB</xsl:when>
      <xsl:otherwise><xsl:value-of select="$bytes"/> B</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== fields: label, hint, errors, the control with the value ===== -->

  <xsl:template name="field-class">
    <xsl:param name="name"/>
    <xsl:attribute name="class">
      <xsl:text>field</xsl:text>
      <xsl:if test="/page/messages/message[@field = $name]"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="hint">
    <xsl:param name="name"/>
    <xsl:param name="hint-key"/>
    <xsl:if test="$hint-key != ''">
      <p class="hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
    </xsl:if>
  </xsl:template>

  <!-- aria-describedby: the error (if any) and the hint (if any). -->
  <xsl:template name="described">
    <xsl:param name="name"/>
    <xsl:param name="hint-key"/>
    <xsl:variable name="err" select="/page/messages/message[@field = $name]"/>
    <xsl:if test="$err">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$err or $hint-key != ''">
      <xsl:attribute name="aria-describedby">
        <xsl:if test="$err"><xsl:value-of select="concat($name, '-error')"/></xsl:if>
        <xsl:if test="$err and $hint-key != ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$hint-key != ''"><xsl:value-of select="concat($name, '-hint')"/></xsl:if>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="text-field">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="max"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="required" select="0"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:call-template name="hint">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="hint-key" select="$hint-key"/>
      </xsl:call-template>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <input id="{$name}" name="{$name}" type="text" autocomplete="off"
          value="{$values/field[@name = $name]}">
        <xsl:call-template name="field-maxlength">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="max" select="$max"/>
        </xsl:call-template>
        <xsl:if test="$required = 1"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
        <xsl:call-template name="described">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint-key" select="$hint-key"/>
        </xsl:call-template>
      </input>
    </div>
  </xsl:template>

  <xsl:template name="textarea-field">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="rows"/>
    <xsl:param name="max" select="''"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="class" select="''"/>
    <xsl:param name="required" select="0"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:call-template name="hint">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="hint-key" select="$hint-key"/>
      </xsl:call-template>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <textarea id="{$name}" name="{$name}" rows="{$rows}">
        <xsl:if test="$class != ''"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:if>
        <xsl:call-template name="field-maxlength">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="max" select="$max"/>
        </xsl:call-template>
        <xsl:if test="$required = 1"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
        <xsl:call-template name="described">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint-key" select="$hint-key"/>
        </xsl:call-template>
        <xsl:value-of select="$values/field[@name = $name]"/>
      </textarea>
    </div>
  </xsl:template>

  <!-- maxlength from the limit the handler gave the page (pt_limit), the
       number the server checks; else $max, for fields without one. -->
  <xsl:template name="field-maxlength">
    <xsl:param name="name"/>
    <xsl:param name="max"/>
    <xsl:choose>
      <xsl:when test="/page/limits/limit[@name = $name]">
        <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="string($max) != ''">
        <xsl:attribute name="maxlength"><xsl:value-of select="$max"/></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- options: a result tree fragment of <option value>; the one whose
       value is the field's is selected. -->
  <xsl:template name="select-field">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="options"/>
    <xsl:variable name="v" select="string($values/field[@name = $name])"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <select id="{$name}" name="{$name}">
        <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="$name"/></xsl:call-template>
        <xsl:for-each select="exsl:node-set($options)/option">
          <option value="{@value}">
            <xsl:if test="@value = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:value-of select="."/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

</xsl:stylesheet>

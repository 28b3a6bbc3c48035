<?xml version="1.0" encoding="UTF-8"?>
<!-- The ticket page (view "ticket"): facts, the form's answers, the
     conversation, the reply form, CC and resolving; agents also get their
     part (ticket-agent.xsl). Data: ticket, forms reply|cc|note|status|assign
     after a mistake. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="ticket-agent.xsl"/>
  <xsl:include href="survey-form.xsl"/>
  <xsl:include href="sla.xsl"/>

  <xsl:variable name="t" select="/page/ticket"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="concat($t/@number, ': ', $t/subject)"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link">
      <xsl:choose>
        <xsl:when test="$t/agent"><a href="/tickets/desk"><xsl:value-of select="pt:t('tickets.ticket.back-queue')"/></a></xsl:when>
        <xsl:otherwise><a href="/tickets/mine"><xsl:value-of select="pt:t('tickets.ticket.back')"/></a></xsl:otherwise>
      </xsl:choose>
    </p>
    <header class="tk-head">
      <p class="eyebrow"><xsl:value-of select="$t/@number"/></p>
      <h1><xsl:value-of select="$t/subject"/></h1>
      <p class="tk-badges">
        <xsl:call-template name="tk-status">
          <xsl:with-param name="status" select="string($t/@status)"/>
          <xsl:with-param name="reason" select="string($t/@pending-reason)"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="tk-priority"><xsl:with-param name="priority" select="string($t/@priority)"/></xsl:call-template>
      </p>
      <xsl:apply-templates select="$t/sla[not(clock)]"/>
    </header>

    <div class="tk-layout">
      <div class="tk-main">
        <xsl:apply-templates select="$t/agent/viewers"/>
        <xsl:apply-templates select="$t/survey"/>
        <xsl:if test="$t/answers/answer">
          <section class="card tk-answers" aria-labelledby="answers-title">
            <h2 id="answers-title"><xsl:value-of select="pt:t('tickets.answers')"/></h2>
            <dl class="facts facts-stacked">
              <xsl:for-each select="$t/answers/answer">
                <div>
                  <dt><xsl:value-of select="label"/></dt>
                  <dd>
                    <xsl:choose>
                      <xsl:when test="@kind = 'checkbox'"><xsl:value-of select="pt:t('tickets.answers.yes')"/></xsl:when>
                      <xsl:when test="@kind = 'file'">
                        <xsl:for-each select="file"><a href="{@href}"><xsl:value-of select="."/></a></xsl:for-each>
                      </xsl:when>
                      <xsl:when test="@kind = 'date'">
                        <xsl:call-template name="pt-datetime">
                          <xsl:with-param name="iso" select="string(value)"/>
                          <xsl:with-param name="style" select="'date'"/>
                        </xsl:call-template>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:for-each select="value">
                          <span class="tk-answer"><xsl:value-of select="."/></span>
                          <xsl:if test="position() != last()">, </xsl:if>
                        </xsl:for-each>
                      </xsl:otherwise>
                    </xsl:choose>
                  </dd>
                </div>
              </xsl:for-each>
            </dl>
          </section>
        </xsl:if>

        <section class="tk-conversation" aria-labelledby="conversation-title">
          <h2 id="conversation-title"><xsl:value-of select="pt:t('tickets.conversation')"/></h2>
          <ol class="tk-messages">
            <xsl:for-each select="$t/messages/message">
              <li id="m{@id}" class="card tk-message tk-message-{@kind}">
                <xsl:if test="author/@staff = '1'"><xsl:attribute name="class">card tk-message tk-message-<xsl:value-of select="@kind"/> tk-message-staff</xsl:attribute></xsl:if>
                <p class="tk-message-head">
                  <strong>
                    <xsl:choose>
                      <xsl:when test="author"><xsl:value-of select="author"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="pt:t('tickets.message.system')"/></xsl:otherwise>
                    </xsl:choose>
                  </strong>
                  <xsl:if test="author/@staff = '1'">
                    <span class="status-badge tk-tag"><xsl:value-of select="pt:t('tickets.message.staff')"/></span>
                  </xsl:if>
                  <xsl:if test="@kind = 'internal'">
                    <span class="status-badge tk-tag tk-tag-internal"><xsl:value-of select="pt:t('tickets.message.internal')"/></span>
                  </xsl:if>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="pt-datetime">
                    <xsl:with-param name="iso" select="string(@created)"/>
                    <xsl:with-param name="style" select="'relative'"/>
                  </xsl:call-template>
                  <xsl:if test="@via = 'mail'">
                    <xsl:text> </xsl:text><span class="tk-via"><xsl:value-of select="pt:t('tickets.message.via-mail')"/></span>
                  </xsl:if>
                </p>
                <xsl:apply-templates select="body" mode="tk-body"/>
                <xsl:if test="file">
                  <ul class="tk-files" aria-label="{pt:t('tickets.message.files')}">
                    <xsl:for-each select="file">
                      <li><a href="{@href}"><xsl:value-of select="."/></a></li>
                    </xsl:for-each>
                  </ul>
                </xsl:if>
                <xsl:apply-templates select="." mode="tk-desk-message"/>
              </li>
            </xsl:for-each>
          </ol>
        </section>

        <xsl:choose>
          <xsl:when test="$t/actions/@reply = '1'">
            <xsl:call-template name="tk-reply-form"/>
          </xsl:when>
          <xsl:otherwise>
            <p class="alert alert-info" role="status"><xsl:value-of select="pt:t('tickets.reply.no-more')"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </div>

      <aside class="tk-aside">
        <xsl:apply-templates select="$t/sla[clock]"/>
        <section class="card tk-facts" aria-labelledby="facts-title">
          <h2 id="facts-title"><xsl:value-of select="pt:t('tickets.ticket.facts')"/></h2>
          <dl class="facts facts-stacked">
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.service')"/></dt><dd><xsl:value-of select="$t/service"/></dd></div>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.type')"/></dt><dd><xsl:value-of select="pt:t(concat('tickets.type.', $t/@type))"/></dd></div>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.priority')"/></dt>
              <dd>
                <xsl:call-template name="tk-priority"><xsl:with-param name="priority" select="string($t/@priority)"/></xsl:call-template>
                <span class="tk-levels">
                  <xsl:value-of select="concat(' (', pt:t('tickets.ticket.impact'), ': ', pt:t(concat('tickets.level.', $t/@impact)), ', ', pt:t('tickets.ticket.urgency'), ': ', pt:t(concat('tickets.level.', $t/@urgency)), ')')"/>
                </span>
              </dd>
            </div>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.requester')"/></dt><dd><xsl:value-of select="$t/requester"/></dd></div>
            <xsl:if test="$t/agent">
              <div><dt><xsl:value-of select="pt:t('tickets.ticket.org')"/></dt><dd><xsl:value-of select="$t/org"/></dd></div>
            </xsl:if>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.created')"/></dt>
              <dd><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($t/@created)"/></xsl:call-template></dd></div>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.updated')"/></dt>
              <dd><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($t/@updated)"/><xsl:with-param name="style" select="'relative'"/></xsl:call-template></dd></div>
            <xsl:if test="string($t/@resolved) != ''">
              <div><dt><xsl:value-of select="pt:t('tickets.ticket.resolved')"/></dt>
                <dd><xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($t/@resolved)"/></xsl:call-template></dd></div>
            </xsl:if>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.group')"/></dt><dd><xsl:value-of select="$t/group"/></dd></div>
            <div><dt><xsl:value-of select="pt:t('tickets.ticket.assignee')"/></dt>
              <dd>
                <xsl:choose>
                  <xsl:when test="$t/assignee"><xsl:value-of select="$t/assignee"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="pt:t('tickets.ticket.nobody')"/></xsl:otherwise>
                </xsl:choose>
              </dd>
            </div>
            <xsl:if test="$t/parent">
              <div><dt><xsl:value-of select="pt:t('tickets.ticket.parent')"/></dt><dd><a href="/tickets/{$t/parent/@number}"><xsl:value-of select="$t/parent/@number"/></a></dd></div>
            </xsl:if>
            <xsl:if test="$t/merged-into">
              <div><dt><xsl:value-of select="pt:t('tickets.ticket.merged')"/></dt><dd><a href="/tickets/{$t/merged-into/@number}"><xsl:value-of select="$t/merged-into/@number"/></a></dd></div>
            </xsl:if>
          </dl>
        </section>

        <xsl:apply-templates select="$t/agent/context"/>
        <xsl:if test="$t/actions/@resolve = '1'">
          <section class="card tk-resolve" aria-labelledby="resolve-title">
            <h2 id="resolve-title"><xsl:value-of select="pt:t('tickets.resolve.title')"/></h2>
            <p>
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key" select="'tickets.resolve.text'"/>
                <xsl:with-param name="name" select="'days'"/>
                <xsl:with-param name="value" select="string($t/actions/@reopen-days)"/>
              </xsl:call-template>
            </p>
            <form method="post" action="{$t/@href}/resolve">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.resolve.submit')"/></button>
            </form>
          </section>
        </xsl:if>

        <xsl:call-template name="tk-cc"/>
        <xsl:apply-templates select="$t/agent"/>
      </aside>
    </div>
  </xsl:template>

  <xsl:template name="tk-reply-form">
    <xsl:variable name="v" select="/page/form[@name = 'reply']"/>
    <section class="card tk-reply" aria-labelledby="reply-title">
      <h2 id="reply-title"><xsl:value-of select="pt:t('tickets.reply.title')"/></h2>
      <xsl:if test="$t/@status = 'resolved' and not($t/agent)">
        <p class="hint">
          <xsl:call-template name="tk-fill">
            <xsl:with-param name="key" select="'tickets.reply.reopens'"/>
            <xsl:with-param name="name" select="'days'"/>
            <xsl:with-param name="value" select="string($t/actions/@reopen-days)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <form class="form" method="post" action="{$t/@href}/reply" enctype="multipart/form-data" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'body' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="body"><xsl:value-of select="pt:t('tickets.reply.label')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'body'"/></xsl:call-template>
          <textarea id="body" name="body" rows="6">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'body'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'body'"/></xsl:call-template>
            <xsl:value-of select="$v/field[@name = 'body']"/>
          </textarea>
        </div>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'file' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="file"><xsl:value-of select="pt:t('tickets.reply.files')"/></label>
          <p class="hint" id="file-help">
            <xsl:call-template name="tk-fill">
              <xsl:with-param name="key" select="'tickets.files.help'"/>
              <xsl:with-param name="name" select="'max'"/>
              <xsl:with-param name="value" select="floor($t/actions/@max-bytes div 1048576)"/>
            </xsl:call-template>
          </p>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'file'"/></xsl:call-template>
          <input type="file" id="file" name="file" multiple="multiple" aria-describedby="file-help"
              accept="application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain"/>
        </div>
        <xsl:if test="$t/agent">
          <xsl:call-template name="tk-reply-after"><xsl:with-param name="value" select="string($v/field[@name = 'after'])"/></xsl:call-template>
        </xsl:if>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tickets.reply.submit')"/></button>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="tk-cc">
    <xsl:variable name="v" select="/page/form[@name = 'cc']"/>
    <section class="card tk-cc" aria-labelledby="cc-title">
      <h2 id="cc-title"><xsl:value-of select="pt:t('tickets.cc.title')"/></h2>
      <p class="hint"><xsl:value-of select="pt:t('tickets.cc.lead')"/></p>
      <xsl:choose>
        <xsl:when test="$t/cc/person">
          <ul class="tk-people">
            <xsl:for-each select="$t/cc/person">
              <li>
                <span class="tk-person"><xsl:value-of select="."/></span>
                <xsl:if test="$t/actions/@cc = '1' or @me = '1'">
                  <form class="inline-form" method="post" action="{$t/@href}/cc/remove">
                    <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                    <input type="hidden" name="user" value="{@id}"/>
                    <button type="submit" class="btn btn-secondary btn-small">
                      <xsl:attribute name="aria-label">
                        <xsl:call-template name="tk-fill">
                          <xsl:with-param name="key" select="'tickets.cc.remove'"/>
                          <xsl:with-param name="name" select="'name'"/>
                          <xsl:with-param name="value" select="string(.)"/>
                        </xsl:call-template>
                      </xsl:attribute>
                      <xsl:value-of select="pt:t('tickets.cc.remove-short')"/>
                    </button>
                  </form>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('tickets.cc.none')"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$t/actions/@cc = '1'">
        <form class="form" method="post" action="{$t/@href}/cc" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <div class="field">
            <xsl:if test="/page/messages/message[@field = 'email' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <label for="email"><xsl:value-of select="pt:t('tickets.cc.email')"/></label>
            <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'email'"/></xsl:call-template>
            <input type="email" id="email" name="email" value="{$v/field[@name = 'email']}" autocomplete="off">
              <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'email'"/></xsl:call-template>
            </input>
          </div>
          <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.cc.add')"/></button>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>

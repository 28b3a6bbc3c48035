<?xml version="1.0" encoding="UTF-8"?>
<!-- The satisfaction survey of a ticket (cgi-bin-src/tickets/survey.c):
     the section for <survey state action? round expires change-days>
     with its <answer rating answered changed? change-until? earlier?>
     <comment/></answer>. With @action the requester's form: a group of
     five labelled radio buttons (1 very dissatisfied .. 5 very
     satisfied) and a comment; without it the answer as text (agents, or
     a survey that can no longer be answered). After a refused form the
     values come from /page/form[@name = 'survey'].
     Included by ticket.xsl (the ticket page) and survey.xsl (the page of
     the mail's link). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template match="survey">
    <xsl:variable name="a" select="answer[not(@earlier)]"/>
    <xsl:variable name="staff" select="boolean(../agent)"/>
    <section class="card tk-survey" id="survey" aria-labelledby="survey-title">
      <h2 id="survey-title">
        <xsl:choose>
          <xsl:when test="$staff"><xsl:value-of select="pt:t('tickets.survey.title.agent')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('tickets.survey.title')"/></xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:choose>
        <xsl:when test="$staff"><xsl:call-template name="tk-survey-result"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tk-survey-state"/>
          <xsl:if test="@action"><xsl:call-template name="tk-survey-form"/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The rating in words: "4 – Satisfied". -->
  <xsl:template name="tk-survey-rating">
    <xsl:param name="rating"/>
    <xsl:value-of select="pt:t(concat('tickets.survey.rating.', $rating))"/>
  </xsl:template>

  <!-- A catalogue text with {rating} said in words. -->
  <xsl:template name="tk-survey-said">
    <xsl:param name="key"/>
    <xsl:param name="rating"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="'rating'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="tk-survey-rating"><xsl:with-param name="rating" select="$rating"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- What the requester is told about the survey as it stands. -->
  <xsl:template name="tk-survey-state">
    <xsl:variable name="a" select="answer[not(@earlier)]"/>
    <xsl:choose>
      <xsl:when test="@state = 'open'">
        <p><xsl:value-of select="pt:t('tickets.survey.lead')"/></p>
      </xsl:when>
      <xsl:when test="@state = 'answered'">
        <p class="tk-survey-answer">
          <xsl:call-template name="tk-survey-said">
            <xsl:with-param name="key" select="'tickets.survey.answered'"/>
            <xsl:with-param name="rating" select="string($a/@rating)"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('tickets.survey.change-until')"/>
            <xsl:with-param name="name" select="'date'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($a/@change-until)"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:when test="@state = 'locked'">
        <p class="tk-survey-answer">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="tk-survey-said">
                <xsl:with-param name="key" select="'tickets.survey.locked'"/>
                <xsl:with-param name="rating" select="string($a/@rating)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'days'"/>
            <xsl:with-param name="value" select="string(@change-days)"/>
          </xsl:call-template>
        </p>
        <xsl:apply-templates select="$a/comment" mode="tk-survey"/>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="pt:t('tickets.survey.expired')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="answer/@earlier">
      <p class="hint">
        <xsl:call-template name="tk-survey-said">
          <xsl:with-param name="key" select="'tickets.survey.earlier'"/>
          <xsl:with-param name="rating" select="string(answer/@rating)"/>
        </xsl:call-template>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="comment" mode="tk-survey">
    <figure class="tk-survey-comment">
      <figcaption><xsl:value-of select="pt:t('tickets.survey.your-comment')"/></figcaption>
      <blockquote class="tk-body"><xsl:value-of select="."/></blockquote>
    </figure>
  </xsl:template>

  <!-- The agents' view: the rating, when and the comment, or that none came. -->
  <xsl:template name="tk-survey-result">
    <xsl:choose>
      <xsl:when test="answer">
        <p class="tk-survey-answer">
          <strong>
            <xsl:call-template name="tk-survey-said">
              <xsl:with-param name="key" select="'tickets.survey.agent.rated'"/>
              <xsl:with-param name="rating" select="string(answer/@rating)"/>
            </xsl:call-template>
          </strong>
          <xsl:text> </xsl:text>
          <span class="tk-by">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('tickets.survey.agent.answered')"/>
              <xsl:with-param name="name" select="'date'"/>
              <xsl:with-param name="value">
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string(answer/@answered)"/>
                  <xsl:with-param name="style" select="'relative'"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </span>
        </p>
        <xsl:if test="answer/@earlier">
          <p class="hint"><xsl:value-of select="pt:t('tickets.survey.agent.earlier')"/></p>
        </xsl:if>
        <xsl:if test="answer/comment">
          <blockquote class="tk-body tk-survey-quote"><xsl:value-of select="answer/comment"/></blockquote>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="not(answer) or answer/@earlier">
      <p class="hint">
        <xsl:choose>
          <xsl:when test="@state = 'expired'"><xsl:value-of select="pt:t('tickets.survey.agent.expired')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('tickets.survey.agent.waiting')"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The requester's form. -->
  <xsl:template name="tk-survey-form">
    <xsl:variable name="v" select="/page/form[@name = 'survey']"/>
    <xsl:variable name="a" select="answer[not(@earlier)]"/>
    <xsl:variable name="checked">
      <xsl:choose>
        <xsl:when test="$v"><xsl:value-of select="$v/field[@name = 'rating']"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$a/@rating"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="comment">
      <xsl:choose>
        <xsl:when test="$v/field[@name = 'comment']"><xsl:value-of select="$v/field[@name = 'comment']"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$a/comment"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rating-error" select="/page/messages/message[@field = 'rating' and @kind = 'error']"/>
    <xsl:variable name="comment-error" select="/page/messages/message[@field = 'comment' and @kind = 'error']"/>
    <form class="form tk-survey-form" method="post" action="{@action}" novalidate="novalidate">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <fieldset class="tk-rating">
        <xsl:if test="$rating-error"><xsl:attribute name="class">tk-rating has-error</xsl:attribute></xsl:if>
        <legend>
          <xsl:value-of select="pt:t('tickets.survey.rating')"/>
          <span class="tk-required"><xsl:value-of select="concat(' (', pt:t('tickets.required'), ')')"/></span>
        </legend>
        <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'rating'"/></xsl:call-template>
        <ul class="tk-rating-scale">
          <xsl:call-template name="tk-survey-option"><xsl:with-param name="n" select="'1'"/><xsl:with-param name="checked" select="string($checked)"/><xsl:with-param name="error" select="$rating-error"/></xsl:call-template>
          <xsl:call-template name="tk-survey-option"><xsl:with-param name="n" select="'2'"/><xsl:with-param name="checked" select="string($checked)"/></xsl:call-template>
          <xsl:call-template name="tk-survey-option"><xsl:with-param name="n" select="'3'"/><xsl:with-param name="checked" select="string($checked)"/></xsl:call-template>
          <xsl:call-template name="tk-survey-option"><xsl:with-param name="n" select="'4'"/><xsl:with-param name="checked" select="string($checked)"/></xsl:call-template>
          <xsl:call-template name="tk-survey-option"><xsl:with-param name="n" select="'5'"/><xsl:with-param name="checked" select="string($checked)"/></xsl:call-template>
        </ul>
      </fieldset>
      <div class="field">
        <xsl:if test="$comment-error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
        <label for="comment"><xsl:value-of select="pt:t('tickets.survey.comment')"/></label>
        <p class="hint" id="comment-help">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('tickets.survey.comment.help')"/>
            <xsl:with-param name="name" select="'max'"/>
            <xsl:with-param name="value" select="string(/page/limits/limit[@name = 'comment']/@chars)"/>
          </xsl:call-template>
        </p>
        <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'comment'"/></xsl:call-template>
        <textarea id="comment" name="comment" rows="4">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'comment'"/></xsl:call-template>
          <xsl:attribute name="aria-describedby">
            <xsl:text>comment-help</xsl:text>
            <xsl:if test="$comment-error"> comment-error</xsl:if>
          </xsl:attribute>
          <xsl:if test="$comment-error"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
          <xsl:value-of select="$comment"/>
        </textarea>
      </div>
      <button type="submit" class="btn btn-primary">
        <xsl:choose>
          <xsl:when test="@state = 'answered'"><xsl:value-of select="pt:t('tickets.survey.change')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('tickets.survey.submit')"/></xsl:otherwise>
        </xsl:choose>
      </button>
    </form>
  </xsl:template>

  <!-- One rating of the group: the first one has the id the error summary links to. -->
  <xsl:template name="tk-survey-option">
    <xsl:param name="n"/>
    <xsl:param name="checked"/>
    <xsl:param name="error" select="/.."/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="$n = '1'">rating</xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('rating-', $n)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <li class="choice tk-rating-{$n}">
      <input type="radio" id="{$id}" name="rating" value="{$n}">
        <xsl:if test="$checked = $n"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        <xsl:if test="$error">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">rating-error</xsl:attribute>
        </xsl:if>
      </input>
      <label for="{$id}"><xsl:value-of select="pt:t(concat('tickets.survey.rating.', $n))"/></label>
    </li>
  </xsl:template>

</xsl:stylesheet>

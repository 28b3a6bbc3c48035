<?xml version="1.0" encoding="UTF-8"?>
<!--
  A task's page (view "task", cgi-bin-src/tasks/task.c): what it is, its
  process and case, its due time, who has it; claim and release; the form
  to complete it with (/page/task/fields, values kept in /page/form after
  a 422); once completed, who did it when and the answers.
  Data: /page/task.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tasks-common.xsl"/>

  <xsl:variable name="t" select="/page/task"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="$t/name"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="eyebrow"><a href="/tasks/"><xsl:value-of select="pt:t('tasks.inbox.title')"/></a></p>
    <h1><xsl:value-of select="$t/name"/></h1>
    <p class="lead">
      <xsl:call-template name="ts-fill">
        <xsl:with-param name="key" select="'tasks.task.lead'"/>
        <xsl:with-param name="name" select="'process'"/>
        <xsl:with-param name="value" select="string($t/process)"/>
      </xsl:call-template>
    </p>

    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title" class="visually-hidden"><xsl:value-of select="pt:t('tasks.task.facts')"/></h2>
      <dl class="ts-facts">
        <dt><xsl:value-of select="pt:t('tasks.col.state')"/></dt>
        <dd><xsl:for-each select="$t"><xsl:call-template name="ts-state"/></xsl:for-each></dd>
        <dt><xsl:value-of select="pt:t('tasks.col.process')"/></dt>
        <dd><xsl:value-of select="$t/process"/></dd>
        <dt><xsl:value-of select="pt:t('tasks.col.case')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="string($t/key/@href) != ''"><a class="ts-key" href="{$t/key/@href}"><xsl:value-of select="$t/key"/></a></xsl:when>
            <xsl:when test="normalize-space($t/key) != ''"><span class="ts-key"><xsl:value-of select="$t/key"/></span></xsl:when>
            <xsl:otherwise><span class="ts-none"><xsl:value-of select="pt:t('tasks.case.none')"/></span></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="pt:t('tasks.col.due')"/></dt>
        <dd><xsl:for-each select="$t"><xsl:call-template name="ts-due"/></xsl:for-each></dd>
        <dt><xsl:value-of select="pt:t('tasks.task.who')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$t/@held = 'mine'"><xsl:value-of select="pt:t('tasks.task.who.you')"/></xsl:when>
            <xsl:when test="$t/assignee"><xsl:value-of select="$t/assignee"/></xsl:when>
            <xsl:when test="$t/@state = 'open'"><xsl:value-of select="pt:t('tasks.task.who.nobody')"/></xsl:when>
            <xsl:otherwise><span class="ts-none">–</span></xsl:otherwise>
          </xsl:choose>
        </dd>
        <xsl:if test="$t/roles/role">
          <dt><xsl:value-of select="pt:t('tasks.task.roles')"/></dt>
          <dd>
            <xsl:for-each select="$t/roles/role">
              <xsl:value-of select="pt:t(concat('role.', .))"/>
              <xsl:if test="position() != last()">, </xsl:if>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <dt><xsl:value-of select="pt:t('tasks.task.created')"/></dt>
        <dd>
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string($t/@created)"/>
            <xsl:with-param name="style" select="'relative'"/>
          </xsl:call-template>
        </dd>
        <xsl:if test="$t/@state = 'completed' or $t/@state = 'completing'">
          <dt><xsl:value-of select="pt:t('tasks.task.completed')"/></dt>
          <dd>
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="ts-fill">
                  <xsl:with-param name="key" select="'tasks.task.completed.by'"/>
                  <xsl:with-param name="name" select="'name'"/>
                  <xsl:with-param name="value" select="string($t/completed-by)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'when'"/>
              <xsl:with-param name="value">
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string($t/@completed)"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </dd>
        </xsl:if>
      </dl>

      <xsl:if test="$t/may/@claim or $t/may/@release">
        <div class="ts-actions">
          <xsl:if test="$t/may/@claim">
            <form method="post" action="{$t/@href}/claim">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tasks.claim')"/></button>
            </form>
            <p class="hint"><xsl:value-of select="pt:t('tasks.claim.hint')"/></p>
          </xsl:if>
          <xsl:if test="$t/may/@release">
            <form method="post" action="{$t/@href}/release">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tasks.release')"/></button>
            </form>
            <p class="hint"><xsl:value-of select="pt:t('tasks.release.hint')"/></p>
          </xsl:if>
        </div>
      </xsl:if>
    </section>

    <xsl:if test="$t/may/@suspended">
      <div class="alert alert-info" role="status"><p><xsl:value-of select="pt:t('tasks.suspended')"/></p></div>
    </xsl:if>
    <xsl:if test="$t/@form-broken">
      <div class="alert alert-error" role="alert"><p><xsl:value-of select="pt:t('tasks.form.broken')"/></p></div>
    </xsl:if>

    <xsl:if test="$t/may/@complete">
      <section class="card" aria-labelledby="complete-title">
        <h2 id="complete-title"><xsl:value-of select="pt:t('tasks.complete.title')"/></h2>
        <xsl:if test="$t/fields/field[@required]">
          <p class="hint"><xsl:value-of select="pt:t('tasks.required.note')"/></p>
        </xsl:if>
        <form class="ts-form" method="post" action="{$t/@href}/complete" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:apply-templates select="$t/fields/field"/>
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tasks.complete')"/></button>
        </form>
      </section>
    </xsl:if>

    <xsl:if test="$t/answers/answer">
      <section class="card" aria-labelledby="answers-title">
        <h2 id="answers-title"><xsl:value-of select="pt:t('tasks.answers')"/></h2>
        <dl class="ts-values">
          <xsl:for-each select="$t/answers/answer">
            <dt><xsl:value-of select="@label"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="@type = 'boolean'"><xsl:value-of select="pt:t(concat('tasks.answer.', .))"/></xsl:when>
                <xsl:when test="@type = 'date' and string(.) != ''">
                  <xsl:call-template name="pt-datetime">
                    <xsl:with-param name="iso" select="string(.)"/>
                    <xsl:with-param name="style" select="'date'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:when test="string(.) = ''"><span class="ts-none">–</span></xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The label of a field, with its required mark. -->
  <xsl:template name="ts-label-text">
    <xsl:value-of select="."/>
    <xsl:if test="@required">
      <span class="ts-required" aria-hidden="true"> *</span>
    </xsl:if>
  </xsl:template>

  <!-- A field of the form: its label, errors and input, by its type. -->
  <xsl:template match="field">
    <xsl:variable name="id" select="string(@input)"/>
    <xsl:variable name="value" select="string(/page/form/field[@name = $id])"/>
    <xsl:variable name="error" select="/page/messages/message[@field = $id]"/>
    <div>
      <xsl:attribute name="class">field<xsl:if test="$error"> has-error</xsl:if></xsl:attribute>
      <xsl:choose>
        <xsl:when test="@type = 'boolean'">
          <fieldset>
            <xsl:if test="$error"><xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-error')"/></xsl:attribute></xsl:if>
            <legend><xsl:call-template name="ts-label-text"/></legend>
            <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$id"/></xsl:call-template>
            <div class="ts-choices">
              <label>
                <input type="radio" id="{$id}" name="{$id}" value="yes">
                  <xsl:if test="$value = 'yes'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                  <xsl:if test="@required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
                </input>
                <xsl:value-of select="pt:t('tasks.answer.true')"/>
              </label>
              <label>
                <input type="radio" id="{$id}-no" name="{$id}" value="no">
                  <xsl:if test="$value = 'no'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                </input>
                <xsl:value-of select="pt:t('tasks.answer.false')"/>
              </label>
            </div>
          </fieldset>
        </xsl:when>
        <xsl:otherwise>
          <label for="{$id}"><xsl:call-template name="ts-label-text"/></label>
          <xsl:if test="@type = 'number' or @type = 'date'">
            <p class="hint" id="{$id}-hint"><xsl:value-of select="pt:t(concat('tasks.hint.', @type))"/></p>
          </xsl:if>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$id"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="@type = 'text'">
              <textarea id="{$id}" name="{$id}" rows="5">
                <xsl:call-template name="ts-input-attrs"><xsl:with-param name="id" select="$id"/></xsl:call-template>
                <xsl:value-of select="$value"/>
              </textarea>
            </xsl:when>
            <xsl:otherwise>
              <input id="{$id}" name="{$id}" value="{$value}">
                <xsl:attribute name="type">
                  <xsl:choose>
                    <xsl:when test="@type = 'date'">date</xsl:when>
                    <xsl:otherwise>text</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:if test="@type = 'number'"><xsl:attribute name="inputmode">decimal</xsl:attribute></xsl:if>
                <xsl:call-template name="ts-input-attrs"><xsl:with-param name="id" select="$id"/></xsl:call-template>
              </input>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- maxlength, required, and the hint and error the input is described by. -->
  <xsl:template name="ts-input-attrs">
    <xsl:param name="id"/>
    <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$id"/></xsl:call-template>
    <xsl:if test="@required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
    <xsl:variable name="described">
      <xsl:if test="@type = 'number' or @type = 'date'"><xsl:value-of select="concat($id, '-hint')"/></xsl:if>
      <xsl:if test="/page/messages/message[@field = $id]"><xsl:value-of select="concat(' ', $id, '-error')"/></xsl:if>
    </xsl:variable>
    <xsl:if test="normalize-space($described) != ''">
      <xsl:attribute name="aria-describedby"><xsl:value-of select="normalize-space($described)"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="/page/messages/message[@field = $id]">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
